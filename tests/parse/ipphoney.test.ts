import { test } from "uvu";
import * as assert from "uvu/assert";
import { ipphoney } from "../../scripts/parse/ipphoney.ts";
import { asEvent, parseFixture } from "./helpers.ts";

test("each request is a connect on 631; +00:00Z timestamps", () => {
  const results = parseFixture(ipphoney, "ipphoney.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "ipphoney",
    ts: Date.UTC(2026, 0, 29, 8, 25, 52, 627),
    kind: "connect",
    srcIp: "203.0.113.22",
    srcPort: 50991,
    dstPort: 631,
    protocol: "ipp",
  });
  assert.is(asEvent(results[1]).kind, "connect");
});

test.run();
