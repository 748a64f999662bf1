import { test } from "uvu";
import * as assert from "uvu/assert";
import { cowrie } from "../../scripts/parse/cowrie.ts";
import { asEvent, context, iso, parseFixture } from "./helpers.ts";

const results = parseFixture(cowrie, "cowrie.json");

test("session.connect is a connect event with the attacked port", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "cowrie",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.5",
    srcPort: 50432,
    dstPort: 22,
    protocol: "ssh",
    session: "3f1c2a9b8e7d",
  });
});

test("client.version and client.kex are client events", () => {
  const version = asEvent(results[1]);
  assert.is(version.kind, "client");
  assert.is(version.clientVersion, "SSH-2.0-Go");
  assert.is(version.dstPort, undefined);
  const kex = asEvent(results[2]);
  assert.is(kex.kind, "client");
  assert.is(kex.hassh, "ec7378c1a92f5a8dde7e8b7a1ddf33d1");
  assert.is(kex.clientVersion, undefined);
});

test("login.failed keeps an empty username; login.success is a success", () => {
  const failed = asEvent(results[3]);
  assert.is(failed.kind, "login");
  assert.is(failed.username, "");
  assert.is(failed.password, "123456");
  assert.is(failed.loginSuccess, false);
  const success = asEvent(results[4]);
  assert.is(success.loginSuccess, true);
  assert.is(success.username, "root");
  assert.is(iso(success.ts), "2024-05-06T10:11:14.000Z");
});

test("command.input is a command", () => {
  const command = asEvent(results[5]);
  assert.is(command.kind, "command");
  assert.is(command.command, "uname -a");
  assert.is(command.protocol, "ssh");
});

test("file_download and file_upload are downloads with sha256 from shasum", () => {
  const download = asEvent(results[6]);
  assert.is(download.kind, "download");
  assert.is(download.url, "http://198.51.100.9/x.sh");
  assert.is(download.sha256, "5e8c0b7e2d1f4a3b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b");
  const upload = asEvent(results[7]);
  assert.is(upload.kind, "download");
  assert.is(upload.url, undefined);
  assert.is(upload.sha256, "aa11bb22cc33dd44ee55ff6600aa11bb22cc33dd44ee55ff6600aa11bb22cc33");
});

test("direct-tcpip.* are tunnels: target kept apart, never a dstPort", () => {
  const request = asEvent(results[8]);
  assert.is(request.kind, "tunnel");
  assert.is(request.tunnelHost, "198.51.100.50");
  assert.is(request.tunnelPort, 443);
  assert.is(request.dstPort, undefined);
  assert.is(request.srcPort, undefined);
  const data = asEvent(results[9]);
  assert.is(data.kind, "tunnel");
  assert.is(data.tunnelHost, "mail.example.net");
  assert.is(data.tunnelPort, 25);
});

test("fingerprint events (with a `type` key) are plain cowrie events", () => {
  const fingerprint = asEvent(results[10]);
  assert.is(fingerprint.honeypot, "cowrie");
  assert.is(fingerprint.kind, "other");
});

test("session.closed parses with duration or duration_ms; +0100 offset", () => {
  assert.is(asEvent(results[11]).kind, "other");
  const closed = asEvent(results[12]);
  assert.is(iso(closed.ts), "2024-05-06T09:11:24.645Z");
  assert.is(closed.protocol, "telnet");
});

test("no timestamp → no-timestamp; epoch (ms) is used when timestamp is absent", () => {
  assert.is(results[13], "no-timestamp");
  assert.is(asEvent(results[14]).ts, 1714990272123);
});

test("blank line → empty; cut-off line → not-json", () => {
  assert.is(results[15], "empty");
  assert.is(results[16], "not-json");
});

test("Cowrie 1.5.3: quoted versions stripped, protocol from system, stdin is no URL", () => {
  const old = parseFixture(cowrie, "cowrie-1.5.3.json");
  const connect = asEvent(old[0]);
  assert.is(connect.kind, "connect");
  assert.is(connect.protocol, "ssh");
  assert.is(connect.dstPort, 2222);
  assert.is(iso(connect.ts), "2019-03-20T12:34:55.000Z");
  assert.is(asEvent(old[1]).clientVersion, "SSH-2.0-Go");
  assert.is(asEvent(old[2]).clientVersion, "SSH-2.0-libssh2_1.8.0");
  const stdin = asEvent(old[3]);
  assert.is(stdin.kind, "download");
  assert.is(stdin.url, undefined);
  assert.is(iso(stdin.ts), "2019-03-20T12:34:58.500Z");
  const telnet = asEvent(old[4]);
  assert.is(telnet.protocol, "telnet");
  assert.is(telnet.srcIp, "203.0.113.7");
  assert.is(asEvent(old[5]).kind, "other");
});

test("a zone-less Cowrie time follows the sensor zone", () => {
  const line = '{"eventid":"cowrie.command.input","input":"id","timestamp":"2024-05-06T10:11:12","src_ip":"203.0.113.5"}';
  assert.is(iso(asEvent(cowrie.parse(line, context("cowrie.json", "Asia/Tokyo"))).ts), "2024-05-06T01:11:12.000Z");
});

test("never throws on junk", () => {
  for (const junk of ["\u0000\u0001", "[1,2]", "null", "{}", '{"eventid":5,"timestamp":[]}', "{\"a\":"]) {
    const result = cowrie.parse(junk, context());
    assert.type(result, "string");
  }
});

test.run();
