import { test } from "uvu";
import * as assert from "uvu/assert";
import { dicompot } from "../../scripts/parse/dicompot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(dicompot, "dicompot.log");

test("the connection line is a connect on 11112", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "dicompot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12),
    kind: "connect",
    srcIp: "203.0.113.20",
    srcPort: 51123,
    dstPort: 11112,
    session: "d41c",
    protocol: "dicom",
  });
});

test("a DICOM command → command; the end → other; start-up → not an event", () => {
  const echo = asEvent(results[1]);
  assert.is(echo.kind, "command");
  assert.is(echo.command, "C-ECHO");
  assert.is(echo.session, "d41c");
  assert.is(asEvent(results[2]).kind, "other");
  assert.is(results[3], "not-an-event");
});

test("lumberjack backups belong to dicompot", () => {
  assert.ok(dicompot.files.test("dicompot.log"));
  assert.ok(dicompot.files.test("dicompot-2024-05-06T10-11-12.123.log"));
});

test.run();
