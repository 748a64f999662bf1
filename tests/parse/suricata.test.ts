import { test } from "uvu";
import * as assert from "uvu/assert";
import { alertCves, normaliseCve, suricata } from "../../scripts/parse/suricata.ts";
import { asEvent, iso, parseFixture } from "./helpers.ts";

const results = parseFixture(suricata, "eve.json");

test("an alert: AlertInfo with CVEs from metadata and signature, deduplicated; no dstPort", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "suricata",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "alert",
    srcIp: "203.0.113.7",
    srcPort: 52100,
    protocol: "http",
    alert: {
      signature: "ET EXPLOIT Example WebLogic RCE (CVE-2019-2725)",
      signatureId: 2099999,
      category: "Attempted Administrator Privilege Gain",
      severity: 1,
      cves: ["CVE-2019-2725"],
    },
  });
});

test("+0100 offset; string SID and severity; several CVEs sorted; app_proto failed → proto", () => {
  const alert = asEvent(results[1]);
  assert.is(iso(alert.ts), "2024-05-06T10:11:12.000Z");
  assert.is(alert.protocol, "tcp");
  assert.is(alert.alert?.signatureId, 2024218);
  assert.is(alert.alert?.severity, 1);
  assert.equal(alert.alert?.cves, ["CVE-2017-0144", "CVE-2017-0145"]);
});

test("an alert without metadata has no CVEs", () => {
  assert.equal(asEvent(results[2]).alert?.cves, []);
});

test("other event types are not events", () => {
  assert.is(results[3], "not-an-event");
  assert.is(results[4], "not-an-event");
  assert.is(results[5], "not-an-event");
});

test("alert without time; cut-off line", () => {
  assert.is(results[6], "no-timestamp");
  assert.is(results[7], "not-json");
});

test("CVE normalisation", () => {
  assert.is(normaliseCve("CVE_2021_44228"), "CVE-2021-44228");
  assert.is(normaliseCve("cve-2021-4104"), "CVE-2021-4104");
  assert.is(normaliseCve("CVE_2021"), undefined);
  assert.equal(alertCves(undefined, "ET EXPLOIT Apache log4j RCE Attempt (CVE-2021-44228) CVE-2021-45046"), [
    "CVE-2021-44228",
    "CVE-2021-45046",
  ]);
});

test.run();
