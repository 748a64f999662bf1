import { test } from "uvu";
import * as assert from "uvu/assert";
import { elasticpot } from "../../scripts/parse/elasticpot.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

test("24.x elasticpot.json: every request is a connect on 9200", () => {
  const results = parseFixture(elasticpot, "elasticpot.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "elasticpot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.14",
    srcPort: 41234,
    dstPort: 9200,
    protocol: "http",
  });
  assert.is(iso(asEvent(results[1]).ts), "2024-05-06T10:11:13.000Z");
});

test("19.03 elasticpot.log: CRLF, no zone, the fake src_port 44927 dropped", () => {
  const results = parseFixture(elasticpot, "elasticpot.log");
  const e = asEvent(results[0]);
  assert.is(iso(e.ts), "2019-03-20T12:34:56.000Z");
  assert.is(e.srcPort, undefined);
  assert.is(e.dstPort, 9200);
  assert.is(e.srcIp, "203.0.113.16");
});

test.run();
