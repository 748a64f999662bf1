import { test } from "uvu";
import * as assert from "uvu/assert";
import { dionaea } from "../../scripts/parse/dionaea.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

const results = parseFixture(dionaea, "dionaea.json");

test("an accepted connection is one connect event; ::ffff: stripped; first credential kept", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "dionaea",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.6",
    srcPort: 51820,
    dstPort: 1433,
    protocol: "mssqld",
    username: "sa",
    password: "123",
  });
});

test("zone-less UTC timestamps without a fraction", () => {
  const smb = asEvent(results[1]);
  assert.is(iso(smb.ts), "2024-05-06T10:11:13.000Z");
  assert.is(smb.dstPort, 445);
  assert.is(smb.username, undefined);
});

test("an outgoing connection dionaea makes is no attacked port", () => {
  const outgoing = asEvent(results[2]);
  assert.is(outgoing.kind, "other");
  assert.is(outgoing.dstPort, undefined);
  assert.is(outgoing.protocol, "TftpServerHandler");
});

test("credentials as a list of objects; an empty password is kept", () => {
  const mysql = asEvent(results[3]);
  assert.is(mysql.username, "root");
  assert.is(mysql.password, "");
  assert.is(iso(mysql.ts), "2024-05-06T10:11:15.500Z");
});

test("no timestamp, text, cut-off", () => {
  assert.is(results[4], "no-timestamp");
  assert.is(results[5], "not-json");
  assert.is(results[6], "not-json");
});

test.run();
