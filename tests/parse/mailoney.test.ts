import { test } from "uvu";
import * as assert from "uvu/assert";
import { mailoney } from "../../scripts/parse/mailoney.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

test("24.x JSON: the greeting is a connect on 25, other lines are commands", () => {
  const results = parseFixture(mailoney, "commands.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "mailoney",
    ts: Date.UTC(2024, 11, 3, 18, 16, 45),
    kind: "connect",
    srcIp: "203.0.113.15",
    srcPort: 52311,
    protocol: "smtp",
    dstPort: 25,
    command: "EHLO User",
  });
  const mail = asEvent(results[1]);
  assert.is(mail.kind, "command");
  assert.is(mail.dstPort, undefined);
  assert.is(mail.command, "MAIL FROM:<a@example.com>");
  assert.is(asEvent(results[2]).command, "BIGSIZE");
});

test("19.03 text: [epoch][ip:port] line", () => {
  const results = parseFixture(mailoney, "commands-19.03.log");
  const helo = asEvent(results[0]);
  assert.is(helo.kind, "connect");
  assert.is(helo.ts, 1553092345123);
  assert.is(helo.srcIp, "203.0.113.15");
  assert.is(helo.srcPort, 52311);
  assert.is(iso(asEvent(results[1]).ts), "2019-03-20T14:32:26.000Z");
  assert.is(asEvent(results[1]).command, "AUTH LOGIN");
  assert.is(results[2], "not-an-event");
  assert.is(results[3], "no-timestamp");
});

test.run();
