// p0f and Fatt: sensors, never counted as attacks.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fatt } from "../../scripts/parse/fatt.ts";
import { p0f } from "../../scripts/parse/p0f.ts";
import { asEvent, parseFixture } from "./helpers.ts";

test("p0f: fingerprint events, slash dates, os of the client only", () => {
  assert.is(p0f.countsAsAttack, false);
  const results = parseFixture(p0f, "p0f.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "p0f",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12),
    kind: "fingerprint",
    srcIp: "203.0.113.30",
    srcPort: 51000,
    protocol: "syn",
    os: "Windows NT kernel",
  });
  assert.is(asEvent(results[1]).os, undefined);
  assert.is(asEvent(results[2]).os, undefined);
});

test("fatt: fingerprints; client HASSH and banner; server-side records point at the peer", () => {
  assert.is(fatt.countsAsAttack, false);
  const results = parseFixture(fatt, "fatt.log");
  const rdp = asEvent(results[0]);
  assert.is(rdp.kind, "fingerprint");
  assert.is(rdp.srcIp, "203.0.113.31");
  assert.is(rdp.srcPort, 52222);
  assert.is(rdp.dstPort, undefined);
  const ssh = asEvent(results[1]);
  assert.is(ssh.hassh, "b5752e36ba6c5979a575e43178908adf");
  assert.is(ssh.clientVersion, "SSH-2.0-Go");
  const server = asEvent(results[2]);
  assert.is(server.srcIp, "203.0.113.32");
  assert.is(server.srcPort, 52223);
  assert.is(server.hassh, undefined);
});

test.run();
