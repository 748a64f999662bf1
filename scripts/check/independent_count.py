#!/usr/bin/env python3
"""Independent count of honeypot events per honeypot in a UTC window, for checking honeyweek.

Written separately from the TypeScript pipeline (no shared code): every file under
<root>/<honeypot>/log/, plain or gzip, each line a JSON record (Heralding: auth.csv rows and
log_session.json records), its own timestamp field read as UTC, exact duplicate lines counted
once per honeypot when they sit in two files (a line repeated within one file is two events, as
T-Pot counts it: Conpot writes some records twice), honeytrap's 1970/0.0.0.0 records and private/reserved sources left out.

usage: independent_count.py ROOT START END     (dates YYYY-MM-DD, END exclusive, UTC)
"""
import csv, gzip, io, ipaddress, json, os, re, sys
from datetime import datetime, timezone

TS = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})")
HONEYPOT_FILES = {
    "cowrie": r"^cowrie\.json", "dionaea": r"^dionaea\.json", "honeytrap": r"^attackers\.json",
    "adbhoney": r"^adbhoney\.json", "conpot": r"^conpot_.*\.json", "elasticpot": r"^elasticpot\.json",
    "ipphoney": r"^ipphoney\.json", "tanner": r"^tanner_report\.json", "sentrypeer": r"^sentrypeer\.json",
    "heralding": r"^(auth\.csv|log_session\.json)",
}

def opener(path):
    with open(path, "rb") as f:
        magic = f.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")

def lines(path):
    try:
        with opener(path) as f:
            for line in f:
                yield line.rstrip("\r\n")
    except (EOFError, OSError):
        return  # truncated gzip: keep what was read

def epoch(value):
    m = TS.search(value or "")
    if not m:
        return None
    return datetime(*map(int, m.groups()), tzinfo=timezone.utc).timestamp()

def private(ip):
    try:
        a = ipaddress.ip_address(ip.split("%")[0].replace("::ffff:", ""))
    except ValueError:
        return False
    return a.is_private or a.is_reserved or a.is_loopback or a.is_unspecified or a.is_multicast or a.is_link_local

def record_time_and_source(hp, name, line):
    if name.startswith("auth.csv"):
        if line.startswith("timestamp,"):
            return None
        row = next(csv.reader([line]))
        return epoch(row[0]), row[3] if len(row) > 3 else None
    try:
        r = json.loads(line)
    except ValueError:
        return None
    if not isinstance(r, dict):
        return None
    if hp == "honeytrap":
        c = r.get("attack_connection") or {}
        if c.get("remote_ip") == "0.0.0.0" or str(r.get("@timestamp", "")).startswith("1970-"):
            return None
        return epoch(r.get("@timestamp")), c.get("remote_ip")
    if hp == "tanner":
        return epoch(r.get("timestamp")), (r.get("peer") or {}).get("ip")
    if hp == "sentrypeer":
        src = r.get("source_ip") or ""
        return epoch(r.get("event_timestamp")), src.rsplit(":", 1)[0] if src.count(":") == 1 else src
    if hp == "heralding":
        return epoch(r.get("timestamp")), r.get("source_ip")
    return epoch(r.get("timestamp")), r.get("src_ip")

def main():
    root, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    t0 = datetime.fromisoformat(start).replace(tzinfo=timezone.utc).timestamp()
    t1 = datetime.fromisoformat(end).replace(tzinfo=timezone.utc).timestamp()
    for hp, pattern in sorted(HONEYPOT_FILES.items()):
        folder = os.path.join(root, hp, "log")
        if not os.path.isdir(folder):
            continue
        seen, n = {}, 0
        for name in sorted(os.listdir(folder)):
            if not re.match(pattern, name):
                continue
            for line in lines(os.path.join(folder, name)):
                got = record_time_and_source(hp, name, line)
                if not got or got[0] is None or not (t0 <= got[0] < t1):
                    continue
                if seen.setdefault(line, name) != name:
                    continue
                if got[1] and private(got[1]):
                    continue
                n += 1
        print(f"{hp} {n}")

main()
