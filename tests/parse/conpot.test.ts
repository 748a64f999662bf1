import { test } from "uvu";
import * as assert from "uvu/assert";
import { conpot } from "../../scripts/parse/conpot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(conpot, "conpot_IEC104.json");

test("NEW_CONNECTION is a connect with the attacked port", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "conpot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.11",
    srcPort: 40522,
    dstPort: 2404,
    protocol: "IEC104",
    session: "6c1e0000-0000-4000-8000-000000000001",
  });
});

test("data and CONNECTION_LOST lines are other, without a port", () => {
  for (const i of [1, 2]) {
    const e = asEvent(results[i]);
    assert.is(e.kind, "other");
    assert.is(e.dstPort, undefined);
  }
});

test("an SNMP request (UDP, no connection event) is a connect on 161", () => {
  const snmp = asEvent(results[3]);
  assert.is(snmp.kind, "connect");
  assert.is(snmp.dstPort, 161);
  assert.is(snmp.protocol, "snmp");
});

test("cut-off line", () => {
  assert.is(results[4], "not-json");
});

test.run();
