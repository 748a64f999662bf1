import { test } from "uvu";
import * as assert from "uvu/assert";
import { medpot } from "../../scripts/parse/medpot.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

test("a connection is a connect on 2575; RFC 822 time of upstream master", () => {
  const results = parseFixture(medpot, "medpot.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "medpot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12),
    kind: "connect",
    srcIp: "203.0.113.21",
    srcPort: 51234,
    dstPort: 2575,
    protocol: "hl7",
  });
  assert.is(iso(asEvent(results[1]).ts), "2022-06-12T14:05:00.000Z");
  assert.is(results[2], "not-an-event");
});

test.run();
