import { test } from "uvu";
import * as assert from "uvu/assert";
import { ciscoasa } from "../../scripts/parse/ciscoasa.ts";
import { parsePythonDict } from "../../scripts/parse/python-literal.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(ciscoasa, "ciscoasa.log");

test("status lines are not events", () => {
  assert.is(results[0], "not-an-event");
  assert.is(results[2], "not-an-event");
  assert.is(results[4], "not-an-event");
});

test("an HTTP access line (Python dict repr) is a connect on 8443", () => {
  assert.equal(asEvent(results[1]), {
    honeypot: "ciscoasa",
    ts: Date.UTC(2024, 10, 19, 12, 34, 56, 123),
    kind: "connect",
    srcIp: "203.0.113.10",
    dstPort: 8443,
    protocol: "https",
  });
});

test("an exploit alert (list of bytes payloads, src_port) is a connect on 5000 (IKE)", () => {
  const exploit = asEvent(results[3]);
  assert.is(exploit.dstPort, 5000);
  assert.is(exploit.srcPort, 4500);
  assert.is(exploit.protocol, "ike");
});

test("cut-off dict → not-json; no timestamp; blank", () => {
  assert.is(results[5], "not-json");
  assert.is(results[6], "no-timestamp");
  assert.is(results[7], "empty");
});

test("Python literal reader", () => {
  assert.equal(parsePythonDict("{'a': 1, \"b\": [b'x\\x41', 'it\\'s'], 'c': (True, None, -2.5), 'd': {}}"), {
    a: 1,
    b: ["xA", "it's"],
    c: [true, null, -2.5],
    d: {},
  });
  assert.is(parsePythonDict("{'a': 1} trailing"), undefined);
  assert.is(parsePythonDict("{'a': }"), undefined);
  assert.is(parsePythonDict("['a']"), undefined);
});

test.run();
