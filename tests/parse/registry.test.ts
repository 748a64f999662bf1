import { test } from "uvu";
import * as assert from "uvu/assert";
import { PARSERS, parserByName } from "../../scripts/parse/registry.ts";
import { context } from "./helpers.ts";

/** The live file name each format documents (TPOT-LOGS.md §1.4), by parser name. */
const LIVE_FILES: Record<string, string[]> = {
  cowrie: ["cowrie.json"],
  dionaea: ["dionaea.json"],
  honeytrap: ["attackers.json"],
  heralding: ["auth.csv", "log_session.json"],
  ciscoasa: ["ciscoasa.log"],
  conpot: ["conpot_IEC104.json", "conpot_guardian_ast.json", "conpot_ipmi.json", "conpot_kamstrup_382.json"],
  adbhoney: ["adbhoney.json"],
  citrixhoneypot: ["server.log"],
  elasticpot: ["elasticpot.json", "elasticpot.log"],
  mailoney: ["commands.log"],
  tanner: ["tanner_report.json"],
  redishoneypot: ["redishoneypot.log"],
  sentrypeer: ["sentrypeer.json"],
  ddospot: ["chargenpot.log", "dnspot.log", "ntpot.log", "ssdpot.log", "genericpot.log"],
  dicompot: ["dicompot.log"],
  medpot: ["medpot.log"],
  ipphoney: ["ipphoney.json"],
  log4pot: ["log4pot.log"],
  h0neytr4p: ["log.json"],
  wordpot: ["wordpot.log"],
  honeyaml: ["honeyaml.log"],
  miniprint: ["miniprint.json"],
  beelzebub: ["beelzebub.json"],
  galah: ["galah.json"],
  "go-pot": ["go-pot.json"],
  glutton: ["glutton.log"],
  endlessh: ["endlessh.log"],
  hellpot: ["hellpot.log"],
  honeypots: ["ssh.log", "http.log"],
  rdpy: ["rdpy.log"],
  rdphoneypot: ["rdphoneypot.json"],
  suricata: ["eve.json"],
  p0f: ["p0f.json"],
  fatt: ["fatt.log"],
};

const SENSORS = new Set(["suricata", "p0f", "fatt"]);

test("one parser per format, unique names, found by name", () => {
  const names = PARSERS.map((p) => p.name);
  assert.is(new Set(names).size, names.length);
  assert.equal([...names].sort(), Object.keys(LIVE_FILES).sort());
  for (const p of PARSERS) assert.is(parserByName(p.name), p);
  assert.is(parserByName("nginx"), undefined);
});

test("each parser owns its documented live files, and only sensors do not count as attacks", () => {
  for (const p of PARSERS) {
    for (const file of LIVE_FILES[p.name] ?? []) assert.ok(p.files.test(file), `${p.name} ${file}`);
    assert.not.ok(p.files.test("something.else"), p.name);
    assert.is(p.countsAsAttack, !SENSORS.has(p.name), p.name);
    assert.ok(p.label.length > 0 && p.dir.length > 0, p.name);
  }
  assert.not.ok(parserByName("heralding")!.files.test("session.csv"));
});

const JUNK = [
  "",
  "   ",
  "\u0000\u0001\u0002\uFFFD",
  "x".repeat(100_000),
  "{",
  "}",
  "{}",
  "[]",
  "null",
  "{'a': 1}",
  "timestamp,",
  "[][]",
  "2024-05-06T10:11:12Z",
  "2024-05-06T10:11:12Z ACCEPT host=",
  ",,,,,,,,,,",
  '{"timestamp":{},"src_ip":[],"src_port":{},"dst_port":"x","eventid":7,"event_type":"alert","alert":[],"attack_connection":5}',
  '{"timestamp":"2024-05-06T10:11:12Z","@timestamp":"2024-05-06T10:11:12Z","time":"2024-05-06 10:11:12","event_timestamp":"2024-05-06 10:11:12","asctime":"2024-05-06 10:11:12,000","ts":1714990272,"src_ip":null,"message":null,"peer":null,"connection":null,"credentials":{"username":5},"ssh":"x","tls":[],"event":"x","alert":{"metadata":{"cve":[1,null,"CVE_1"]}},"event_type":"alert"}',
];

test("no parser throws on junk; every result is an event or a skip reason", () => {
  for (const p of PARSERS) {
    for (const line of JUNK) {
      const result = p.parse(line, context(`/data/${p.dir}/log/x`));
      for (const r of Array.isArray(result) ? result : [result]) {
        if (typeof r === "string") continue;
        assert.is(r.honeypot, p.name);
        assert.ok(Number.isFinite(r.ts), `${p.name}: ${line.slice(0, 40)}`);
      }
    }
  }
});

test.run();
