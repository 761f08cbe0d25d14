#!/usr/bin/env python3
"""Checks that Handoff and the DuckDB baseline give the same numbers where their definitions coincide.

Usage: bench_compare.py HANDOFF_SCORECARD.json DUCKDB.json  — prints one line per metric and exits 1 on any mismatch.
"""
import json
import sys

h = json.load(open(sys.argv[1]))
d = json.load(open(sys.argv[2]))
c = {x["id"]: x for x in h["commitments"]}
t = {x["id"]: x for x in h["targets"]}
report = h["report"]


def met(x):
    return [round((x["value"] or 0) * x["denominator"]), x["denominator"]]


labels = {"wrong company profile": "wrong-profile", "not interested": "not-interested", "already has solution": "has-solution",
          "no budget": "no-budget", "couldn't reach": "cant-reach", "": "(no reason)"}
checks = [
    ("MQLs in the week", report["mqls"], d["mql_count"]),
    ("routed within 5 minutes (met, judged)", met(c["routing-speed"]), list(d["routing_within_5m"])),
    ("first touch within 30 minutes, calendar clock (met, judged)", met(c["first-touch-calendar"]), list(d["first_touch_within_30m_calendar"])),
    ("acceptance (accepted, decided)", met(t["acceptance_rate"]), list(d["acceptance"])),
    ("rejection reasons", {k: v for k, v in report["rejection_reasons"].items() if v}, {labels.get(k, k): v for k, v in d["rejection_reasons"].items()}),
    ("MQLs re-scored from engagement that meet the definition (met, judged)", met(c["mql-quality"]), list(d["criteria_met"])),
    ("fast-track MQLs (first touch judged on the fast-track scope, on both scopes)",
     [c["first-touch-hot"]["denominator"], c["first-touch-hot"]["denominator"] + c["first-touch"]["denominator"]], list(d["fast_track"])),
    ("6+ attempts before unresponsive (met, judged)", met(c["attempts"]), list(d["attempts_6_before_unresponsive"])),
    ("sources over 8 weeks (MQLs, accepted, decided, SQLs)", {r["source"]: [r["mqls"], r["accepted"], r["decided"], r["sqls"]] for r in report["sources_8_weeks"]}, d["sources_8_weeks"]),
    ("8-week trend, MQLs per week", [p["mqls"] for p in report["trend"]], [r[1] for r in d["trend"]]),
    ("8-week trend, acceptance per week", [round(p["acceptance"], 6) for p in report["trend"]], [round(r[2] / r[3], 6) if r[3] else None for r in d["trend"]]),
]
bad = 0
for name, ours, theirs in checks:
    same = ours == theirs
    bad += 0 if same else 1
    print(f"{'same' if same else 'DIFFERENT'}: {name}: handoff {json.dumps(ours)[:120]} duckdb {json.dumps(theirs)[:120]}")
sys.exit(1 if bad else 0)
