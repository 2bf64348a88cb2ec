#!/usr/bin/python3
"""Reads the peers' JSON lines on stdin; prints a case x peer matrix, each failure's detail, and a
closing "N passed, N failed" line. Exits 1 when any case failed."""

import json
import sys

results = [json.loads(line) for line in sys.stdin if line.startswith("{")]
peers = list(dict.fromkeys(r["peer"] for r in results))
cases = list(dict.fromkeys(r["case"] for r in results))
cell = {(r["case"], r["peer"]): ("pass" if r["ok"] else "FAIL") for r in results}

width = max(len(c) for c in cases) if cases else 4
print(" " * width + "  " + "  ".join(f"{p:>16}" for p in peers))
for case in cases:
    print(f"{case:<{width}}  " + "  ".join(f"{cell.get((case, p), '-'):>16}" for p in peers))
failed = [r for r in results if not r["ok"]]
for r in failed:
    print(f"FAIL {r['peer']} {r['case']}: {r['detail']}")
print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed or not results else 0)
