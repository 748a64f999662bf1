import { test } from "uvu";
import * as assert from "uvu/assert";
import { heralding, splitCsvRow } from "../../scripts/parse/heralding.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

const auth = parseFixture(heralding, "auth.csv");

test("the header row is not an event", () => {
  assert.is(auth[0], "not-an-event");
});

test("an auth row (11 columns) is a login; an empty username is left out", () => {
  assert.equal(asEvent(auth[1]), {
    honeypot: "heralding",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "login",
    srcIp: "203.0.113.8",
    srcPort: 51515,
    protocol: "vnc",
    session: "4a7e0000-0000-4000-8000-000000000001",
    password: "secret1",
  });
});

test("a quoted password_hash with commas; quoted fields with commas and quotes", () => {
  const hashed = asEvent(auth[2]);
  assert.is(hashed.username, undefined);
  assert.is(hashed.password, undefined);
  const quoted = asEvent(auth[3]);
  assert.is(quoted.username, "ad,min");
  assert.is(quoted.password, 'p"w');
  assert.is(iso(quoted.ts), "2024-05-06T10:11:14.000Z");
});

test("a 10-column row; blank and junk lines", () => {
  const ten = asEvent(auth[4]);
  assert.is(ten.username, "root");
  assert.is(ten.password, "toor");
  assert.is(iso(ten.ts), "2024-05-06T10:11:15.500Z");
  assert.is(auth[5], "empty");
  assert.is(auth[6], "not-json");
});

test("2019 generation: 10-column header and rows", () => {
  const old = parseFixture(heralding, "auth-2019.csv");
  assert.is(old[0], "not-an-event");
  const login = asEvent(old[1]);
  assert.is(login.protocol, "telnet");
  assert.is(login.username, "admin");
});

test("log_session.json: one connect per session with the attacked port", () => {
  const sessions = parseFixture(heralding, "log_session.json");
  assert.equal(asEvent(sessions[0]), {
    honeypot: "heralding",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 560),
    kind: "connect",
    srcIp: "203.0.113.12",
    srcPort: 48406,
    dstPort: 5432,
    protocol: "postgresql",
    session: "befbfc72-0000-4000-8000-000000000001",
  });
  assert.is(sessions[1], "not-json");
});

test("CSV splitting", () => {
  assert.equal(splitCsvRow('a,"b,c",,"d""e"'), ["a", "b,c", "", 'd"e']);
  assert.equal(splitCsvRow("a,"), ["a", ""]);
  assert.equal(splitCsvRow('"unterminated'), ["unterminated"]);
});

test.run();
