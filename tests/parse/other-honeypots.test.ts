// Miniprint, Beelzebub, Glutton, Endlessh, Hellpot, qeeqbox honeypots, Rdpy, RDPHoneypot.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { beelzebub } from "../../scripts/parse/beelzebub.ts";
import { endlessh } from "../../scripts/parse/endlessh.ts";
import { glutton } from "../../scripts/parse/glutton.ts";
import { hellpot } from "../../scripts/parse/hellpot.ts";
import { honeypots } from "../../scripts/parse/honeypots.ts";
import { miniprint } from "../../scripts/parse/miniprint.ts";
import { rdphoneypot } from "../../scripts/parse/rdphoneypot.ts";
import { rdpy } from "../../scripts/parse/rdpy.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

test("miniprint: open_conn → connect on 9100; PJL command → command; artefacts → other", () => {
  const results = parseFixture(miniprint, "miniprint.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "miniprint",
    ts: Date.UTC(2024, 9, 15, 16, 4, 10),
    kind: "connect",
    srcIp: "203.0.113.26",
    srcPort: 62216,
    dstPort: 9100,
    session: "f124",
    protocol: "pjl",
  });
  const command = asEvent(results[1]);
  assert.is(command.kind, "command");
  assert.is(command.command, "@PJL INFO ID");
  assert.is(command.dstPort, undefined);
  assert.is(asEvent(results[2]).kind, "other");
});

test("beelzebub: SSH attempt → login; Start → connect; input → command; End → other; HTTP → connect", () => {
  const results = parseFixture(beelzebub, "beelzebub.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "beelzebub",
    ts: Date.UTC(2026, 8, 29, 12, 0, 0),
    kind: "login",
    srcIp: "203.0.113.27",
    srcPort: 40000,
    protocol: "ssh",
    session: "attempt-1",
    username: "root",
    password: "123456",
    clientVersion: "SSH-2.0-OpenSSH_9.6",
  });
  const start = asEvent(results[1]);
  assert.is(start.kind, "connect");
  assert.is(start.dstPort, 22);
  assert.is(iso(start.ts), "2026-09-29T12:00:01.123Z");
  assert.is(start.clientVersion, "SSH-2.0-OpenSSH_9.6");
  assert.is(asEvent(results[2]).command, "cat /etc/passwd");
  assert.is(asEvent(results[3]).kind, "other");
  const http = asEvent(results[4]);
  assert.is(http.kind, "connect");
  assert.is(http.dstPort, 80);
  const old = asEvent(results[5]);
  assert.is(old.kind, "login");
  assert.is(old.srcIp, "203.0.113.29");
  assert.is(old.srcPort, 40002);
  assert.is(old.username, "admin");
});

test("glutton: epoch-seconds ts; connect on the real port; detail → other; start-up → not an event", () => {
  const results = parseFixture(glutton, "glutton.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "glutton",
    ts: 1714990272345,
    kind: "connect",
    srcIp: "203.0.113.30",
    srcPort: 51000,
    dstPort: 8443,
    protocol: "tcp",
  });
  assert.is(asEvent(results[1]).kind, "other");
  assert.is(results[2], "not-an-event");
});

test("endlessh: ACCEPT → connect on 22; CLOSE → other; other text → not an event", () => {
  const results = parseFixture(endlessh, "endlessh.log");
  assert.is(results[0], "not-an-event");
  assert.equal(asEvent(results[1]), {
    honeypot: "endlessh",
    ts: Date.UTC(2021, 9, 29, 21, 8, 31, 26),
    kind: "connect",
    srcIp: "203.0.113.31",
    srcPort: 12345,
    dstPort: 22,
    protocol: "ssh",
  });
  assert.is(asEvent(results[2]).kind, "other");
});

test("hellpot: NEW → connect on 80; other messages → other; no REMOTE_ADDR → not an event", () => {
  const results = parseFixture(hellpot, "hellpot.log");
  const first = asEvent(results[0]);
  assert.is(first.kind, "connect");
  assert.is(first.dstPort, 80);
  assert.is(first.srcIp, "203.0.113.32");
  const finish = asEvent(results[1]);
  assert.is(finish.kind, "other");
  assert.is(finish.srcPort, 50000);
  assert.is(results[2], "not-an-event");
});

test("qeeqbox honeypots: process → not an event; connection → connect; login → login", () => {
  const results = parseFixture(honeypots, "ssh.log");
  assert.is(results[0], "not-an-event");
  const connection = asEvent(results[1]);
  assert.is(connection.kind, "connect");
  assert.is(connection.dstPort, 22);
  assert.is(connection.protocol, "ssh");
  const login = asEvent(results[2]);
  assert.is(login.kind, "login");
  assert.is(login.username, "root");
  assert.is(login.password, "admin");
  assert.is(login.loginSuccess, false);
});

test("rdpy: banner, connection → connect on 3389, credentials → login", () => {
  const results = parseFixture(rdpy, "rdpy.log");
  assert.is(results[0], "not-an-event");
  assert.equal(asEvent(results[1]), {
    honeypot: "rdpy",
    ts: Date.UTC(2019, 2, 20, 12, 34, 56, 123),
    kind: "connect",
    protocol: "rdp",
    srcIp: "203.0.113.32",
    srcPort: 51234,
    dstPort: 3389,
  });
  const login = asEvent(results[2]);
  assert.is(login.kind, "login");
  assert.is(login.username, "admin");
  assert.is(login.password, "p@ss:word");
  assert.is(results[3], "not-an-event");
});

test("rdphoneypot: connect on 3389; login with +00:00Z; closed → other", () => {
  const results = parseFixture(rdphoneypot, "rdphoneypot.json");
  const connect = asEvent(results[0]);
  assert.is(connect.kind, "connect");
  assert.is(connect.dstPort, 3389);
  const login = asEvent(results[1]);
  assert.is(login.kind, "login");
  assert.is(login.username, "administrator");
  assert.is(iso(login.ts), "2026-06-02T15:22:21.123Z");
  assert.is(asEvent(results[2]).kind, "other");
});

test.run();
