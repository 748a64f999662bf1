import { test } from "uvu";
import * as assert from "uvu/assert";
import { redishoneypot } from "../../scripts/parse/redishoneypot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(redishoneypot, "redishoneypot.log");

test("NewConnect → connect on 6379, addr split", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "redishoneypot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12),
    kind: "connect",
    srcIp: "203.0.113.17",
    srcPort: 40022,
    protocol: "redis",
    dstPort: 6379,
  });
});

test("a command line → command; Closed → other", () => {
  const command = asEvent(results[1]);
  assert.is(command.kind, "command");
  assert.is(command.command, "CONFIG SET dir /var/spool/cron");
  assert.is(asEvent(results[2]).kind, "other");
});

test("panic text and start-up lines are not events", () => {
  assert.is(results[3], "not-an-event");
  assert.is(results[4], "not-an-event");
});

test.run();
