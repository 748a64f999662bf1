/**
 * Prose shortcodes (numbers, dates, countries in the post's language) used by drafted posts.
 * Placeholder: filled in by the draft stage's work.
 */
import type { Shortcode } from "./context.ts";

export const proseShortcodes: Record<string, Shortcode> = {};
