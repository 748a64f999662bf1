import { test } from "uvu";
import * as assert from "uvu/assert";
import { tanner } from "../../scripts/parse/tanner.ts";
import { asEvent, parseFixture } from "./helpers.ts";

test("a request is a connect on 80 with peer ip/port", () => {
  const results = parseFixture(tanner, "tanner_report.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "tanner",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.16",
    srcPort: 50432,
    dstPort: 80,
    protocol: "http",
    session: "b3f00000-0000-4000-8000-000000000001",
  });
  assert.is(results[1], "no-timestamp");
});

test.run();
