import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ChartCache, chartKey } from "../../scripts/render/chartCache.ts";
import type { RenderedChart } from "../../scripts/render/vega.ts";

const chart = (svg: string): RenderedChart => ({ svg, vegaSpec: {}, warnings: [] });

test("chartKey: same request, same key; any change, another key", () => {
  const request = { spec: { mark: "bar", data: { values: [{ a: 1 }] } }, idPrefix: "c-" };
  assert.is(chartKey(request), chartKey(structuredClone(request)));
  assert.is.not(chartKey(request), chartKey({ ...request, idPrefix: "d-" }));
  assert.is.not(chartKey(request), chartKey({ ...request, spec: { ...request.spec, data: { values: [{ a: 2 }] } } }));
});

test("ChartCache: survives the process on disk; a build prunes what it did not use", () => {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-cache-"));
  try {
    const first = new ChartCache(dir);
    first.startBuild();
    first.set("aaa", chart("<svg>a</svg>"));
    first.set("bbb", chart("<svg>b</svg>"));
    assert.equal(readdirSync(dir).sort(), ["aaa.json", "bbb.json"]);

    const second = new ChartCache(dir);
    second.startBuild();
    assert.is(second.get("aaa")?.svg, "<svg>a</svg>");
    assert.is(second.get("zzz"), undefined);
    second.prune();
    assert.equal(readdirSync(dir), ["aaa.json"]);
    assert.not.ok(existsSync(join(dir, "bbb.json")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ChartCache without a folder keeps charts in memory only", () => {
  const cache = new ChartCache();
  cache.set("k", chart("<svg/>"));
  assert.is(cache.get("k")?.svg, "<svg/>");
});

test.run();
