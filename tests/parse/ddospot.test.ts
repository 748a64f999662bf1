import { test } from "uvu";
import * as assert from "uvu/assert";
import { ddospot } from "../../scripts/parse/ddospot.ts";
import { asEvent, context, fixtureLines, iso, parseFixture } from "./helpers.ts";

test("dnspot.log: JSON → connect on 53 (from the file name); text lines are not events", () => {
  const results = parseFixture(ddospot, "dnspot.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "ddospot",
    ts: Date.UTC(2024, 9, 30, 11, 51, 42, 124),
    kind: "connect",
    srcIp: "203.0.113.19",
    srcPort: 43783,
    dstPort: 53,
    protocol: "dns",
  });
  assert.is(results[1], "not-an-event");
  assert.is(iso(asEvent(results[2]).ts), "2024-10-30T11:51:43.000Z");
  assert.is(results[3], "not-json");
});

test("rotated file names keep their port; genericpot has none", () => {
  const [chargen] = fixtureLines("ddospot", "chargenpot.log");
  assert.is(asEvent(ddospot.parse(chargen!, context("/data/ddospot/log/chargenpot.log.3.gz"))).dstPort, 19);
  const [ntp] = fixtureLines("ddospot", "chargenpot.log");
  assert.is(asEvent(ddospot.parse(ntp!, context("/data/ddospot/log/ntpot.log.1"))).dstPort, 123);
  assert.is(asEvent(ddospot.parse(ntp!, context("/data/ddospot/log/ssdpot.log"))).dstPort, 1900);
  const generic = asEvent(parseFixture(ddospot, "genericpot.log")[0]);
  assert.is(generic.dstPort, undefined);
  assert.is(generic.kind, "connect");
  assert.is(iso(generic.ts), "2024-10-30T11:51:45.500Z");
});

test.run();
