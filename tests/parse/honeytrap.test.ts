import { test } from "uvu";
import * as assert from "uvu/assert";
import { honeytrap } from "../../scripts/parse/honeytrap.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(honeytrap, "attackers.json");

test("a connection is a connect event on the real host port", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "honeytrap",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12),
    kind: "connect",
    srcIp: "203.0.113.9",
    srcPort: 44321,
    dstPort: 7001,
    protocol: "tcp",
  });
});

test("1970-01-01 / 0.0.0.0 records are impossible", () => {
  assert.is(results[1], "impossible-record");
  assert.is(results[2], "impossible-record");
});

test("udp connections keep their protocol", () => {
  const udp = asEvent(results[3]);
  assert.is(udp.protocol, "udp");
  assert.is(udp.dstPort, 5060);
});

test("no time, blank, cut-off", () => {
  assert.is(results[4], "no-timestamp");
  assert.is(results[5], "empty");
  assert.is(results[6], "not-json");
});

test.run();
