/**
 * The draft stage: a week's summary and the stored history → the Markdown of reports/<week>.md,
 * and the helpers the CLI needs around it.
 */
export { draftPost, type DraftInput } from "./post.ts";
export { renderDiff, type DiffOptions } from "./diff.ts";
export { focusFromFrontMatter, readFrontMatter, type PostFrontMatter } from "./frontMatter.ts";
