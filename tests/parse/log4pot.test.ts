import { test } from "uvu";
import * as assert from "uvu/assert";
import { log4pot } from "../../scripts/parse/log4pot.ts";
import { asEvent, parseFixture } from "./helpers.ts";

test("request → connect on 8080; exploit → other; start/end are not events", () => {
  const results = parseFixture(log4pot, "log4pot.log");
  assert.is(results[0], "not-an-event");
  assert.equal(asEvent(results[1]), {
    honeypot: "log4pot",
    ts: Date.UTC(2024, 4, 6, 10, 11, 12, 345),
    kind: "connect",
    srcIp: "203.0.113.24",
    srcPort: 51234,
    dstPort: 8080,
    session: "0d9a",
    protocol: "http",
  });
  const exploit = asEvent(results[2]);
  assert.is(exploit.kind, "other");
  assert.is(exploit.session, "0d9a");
  assert.is(results[3], "not-an-event");
});

test.run();
