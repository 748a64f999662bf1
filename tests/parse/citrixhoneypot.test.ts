import { test } from "uvu";
import * as assert from "uvu/assert";
import { citrixhoneypot } from "../../scripts/parse/citrixhoneypot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(citrixhoneypot, "server.log");

test("a request line is a connect on 443, with the comma-decimal asctime", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "citrixhoneypot",
    ts: Date.UTC(2020, 0, 16, 11, 16, 44, 123),
    kind: "connect",
    srcIp: "203.0.113.13",
    srcPort: 51234,
    dstPort: 443,
    protocol: "https",
  });
  assert.is(asEvent(results[2]).kind, "connect");
});

test("verdict lines are other", () => {
  for (const i of [1, 3]) {
    const e = asEvent(results[i]);
    assert.is(e.kind, "other");
    assert.is(e.dstPort, undefined);
  }
});

test("lines without (ip:port) are not events; no asctime → no-timestamp", () => {
  assert.is(results[4], "not-an-event");
  assert.is(results[5], "no-timestamp");
});

test.run();
