/**
 * A year of weekly posts (52, each with the charts and tables a drafted post has) builds, and every
 * post page holds its charts. How long it takes is the bench's business (npm run bench), not a test's.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../scripts/render/build.ts";
import { writeYearWorkspace } from "../fixtures/site/year.ts";

test("52 weekly posts build, each with its five charts and four tables", async () => {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-52-"));
  try {
    const ids = writeYearWorkspace(dir);
    const result = await buildSite({ dir, quiet: true });
    assert.ok(result.pages >= 52 + 4, `${result.pages} pages`);
    for (const id of [ids[0]!, ids[25]!, ids[51]!]) {
      const html = readFileSync(join(dir, "_site", id, "index.html"), "utf8");
      assert.is((html.match(/<figure class="chart/g) ?? []).length, 5, id);
      assert.ok((html.match(/<table/g) ?? []).length >= 4, id);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
