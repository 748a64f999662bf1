import { test } from "uvu";
import * as assert from "uvu/assert";
import { sentrypeer, sentrypeerTime } from "../../scripts/parse/sentrypeer.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

const results = parseFixture(sentrypeer, "sentrypeer.json");

test("a SIP message is a connect on 5060; source_ip ip:port split", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "sentrypeer",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 123),
    kind: "connect",
    srcIp: "203.0.113.18",
    srcPort: 5071,
    dstPort: 5060,
    protocol: "sip/udp",
  });
});

test("the fraction counts nanoseconds: .5000000 is 5 ms, .86510419 is 86 ms, .005000 is 0 ms", () => {
  assert.is(iso(asEvent(results[1]).ts), "2024-05-06T10:11:12.005Z");
  assert.is(iso(asEvent(results[2]).ts), "2024-05-06T10:11:12.086Z");
  assert.is(iso(asEvent(results[4]).ts), "2024-05-06T10:11:12.000Z");
  assert.is(iso(sentrypeerTime("2024-05-06 10:11:12.999999999", "UTC")!), "2024-05-06T10:11:12.999Z");
});

test("1.x bare source_ip; 24.04.1 src_ip with port; no fraction; IPv6 in brackets", () => {
  const bare = asEvent(results[2]);
  assert.is(bare.srcIp, "203.0.113.20");
  assert.is(bare.srcPort, undefined);
  assert.is(bare.dstPort, 5060);
  const renamed = asEvent(results[3]);
  assert.is(renamed.srcIp, "203.0.113.21");
  assert.is(renamed.srcPort, 5073);
  assert.is(iso(renamed.ts), "2024-05-06T10:11:12.000Z");
  const v6 = asEvent(results[4]);
  assert.is(v6.srcIp, "2001:db8::1");
  assert.is(v6.srcPort, 5074);
});

test("a non-UTC sensor zone", () => {
  assert.is(iso(sentrypeerTime("2024-05-06 10:11:12.123456789", "Asia/Tokyo")!), "2024-05-06T01:11:12.123Z");
});

test.run();
