// H0neytr4p, Wordpot, Honeyaml, Galah, Go-pot: HTTP honeypots with one line per request.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { galah } from "../../scripts/parse/galah.ts";
import { goPot } from "../../scripts/parse/go-pot.ts";
import { h0neytr4p } from "../../scripts/parse/h0neytr4p.ts";
import { honeyaml } from "../../scripts/parse/honeyaml.ts";
import { wordpot } from "../../scripts/parse/wordpot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

test("h0neytr4p: connect on 443, or 2087 when the Host header says so", () => {
  const results = parseFixture(h0neytr4p, "log.json");
  assert.equal(asEvent(results[0]), {
    honeypot: "h0neytr4p",
    ts: Date.UTC(2026, 5, 8, 16, 40, 57),
    kind: "connect",
    srcIp: "203.0.113.23",
    dstPort: 443,
    protocol: "https",
  });
  assert.is(asEvent(results[1]).dstPort, 2087);
  const plain = asEvent(results[2]);
  assert.is(plain.dstPort, 443);
  assert.is(plain.protocol, "http");
});

test("wordpot: container port 80 is host 8080; badlogin credentials; werkzeug text", () => {
  const results = parseFixture(wordpot, "wordpot.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "wordpot",
    ts: Date.UTC(2024, 11, 5, 15, 2, 2, 123),
    kind: "connect",
    srcIp: "203.0.113.24",
    srcPort: 51234,
    dstPort: 8080,
    protocol: "http",
    username: "admin",
    password: "admin123",
  });
  assert.is(results[1], "not-an-event");
  const files = asEvent(results[2]);
  assert.is(files.username, undefined);
  assert.is(files.dstPort, 8080);
});

test("honeyaml: access-log lines are connects on host 3000; other targets are not events", () => {
  const results = parseFixture(honeyaml, "honeyaml.log");
  assert.equal(asEvent(results[0]), {
    honeypot: "honeyaml",
    ts: Date.UTC(2024, 9, 19, 0, 30, 26, 123),
    kind: "connect",
    srcIp: "203.0.113.25",
    dstPort: 3000,
    protocol: "http",
  });
  assert.is(results[1], "not-an-event");
});

test("galah: dotted keys; connect on the logged port", () => {
  const results = parseFixture(galah, "galah.json");
  const e = asEvent(results[0]);
  assert.is(e.kind, "connect");
  assert.is(e.dstPort, 8080);
  assert.is(e.srcPort, 51234);
  assert.is(e.session, "g-1");
  assert.is(results[1], "not-an-event");
});

test("go-pot: start → connect on 8080, end → other (epoch ts), no dest_port → not an event", () => {
  const results = parseFixture(goPot, "go-pot.json");
  const start = asEvent(results[0]);
  assert.is(start.kind, "connect");
  assert.is(start.dstPort, 8080);
  assert.is(start.ts, Date.UTC(2025, 0, 19, 14, 52, 20));
  const end = asEvent(results[1]);
  assert.is(end.kind, "other");
  assert.is(end.ts, 1737298400500);
  assert.is(end.dstPort, undefined);
  assert.is(results[2], "not-an-event");
});

test.run();
