#!/usr/bin/env python3
"""Independent check of the service-level numbers on the example data (issue 17), in plain Python.

Recomputes, for the calendar-clock commitment routing-speed (MQL -> routed within 5m, goal 95%) on
examples/acme, week 2026-W46, as of 2026-11-16 10:00 America/New_York (15:00Z):
  p50/p90 (nearest rank), band counts (0-5m, 5-15m, 15-60m, 60m+; an edge counts in the lower band),
  and the month-to-date error budget for November 2026.
Usage: python3 scripts/check_service_levels.py [examples/acme]
"""
import csv, math, sys
from datetime import datetime, timezone

def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()) if s else None

folder = sys.argv[1] if len(sys.argv) > 1 else "examples/acme"
as_of = ts("2026-11-16T15:00:00Z")
week = (ts("2026-11-09T05:00:00Z"), ts("2026-11-16T05:00:00Z"))     # Mon 9 - Sun 15 Nov, New York (EST)
month = (ts("2026-11-01T04:00:00Z"), ts("2026-12-01T05:00:00Z"))    # November, New York (DST ends 1 Nov)
limit, goal = 300, 0.95

seen, leads = set(), []
for r in csv.DictReader(open(f"{folder}/leads.csv", newline="")):
    if not r["lead_id"] or r["lead_id"] in seen:
        continue
    seen.add(r["lead_id"])
    try:
        mql = ts(r["mql_at"])
    except ValueError:
        mql = None
    leads.append((r["lead_id"], r["owner"], mql, ts(r["routed_at"])))

def judge(lo, hi):
    times, misses, pending, judged = [], 0, 0, 0
    for _, owner, mql, routed in leads:
        if mql is None or not (lo <= mql < hi) or mql > as_of:
            continue
        event = routed if routed is not None and routed <= as_of else None
        if event is not None:
            t = max(0, event - mql); times.append((t, owner)); judged += 1; misses += t > limit
        elif mql + limit > as_of:
            pending += 1
        else:
            times.append((as_of - mql, owner)); judged += 1; misses += 1
    return times, judged, pending, misses

def nearest(p, xs):
    xs = sorted(xs)
    return xs[max(1, math.ceil(p * len(xs) / 100)) - 1] if xs else None

times, judged, pending, misses = judge(*week)
xs = [t for t, _ in times]
edges = [300, 900, 3600]
bands = [0] * 4
for t in xs:
    bands[next((i for i, e in enumerate(edges) if t <= e), 3)] += 1
print(f"W46 routing-speed: n={len(xs)} p50={nearest(50, xs)}s p90={nearest(90, xs)}s bands={bands} judged={judged} misses={misses}")
for owner in sorted({o for _, o in times}):
    ys = [t for t, o in times if o == owner]
    print(f"  {owner}: n={len(ys)} p50={nearest(50, ys)}s p90={nearest(90, ys)}s")

_, judged, pending, used = judge(*month)
elapsed = (as_of - month[0]) / (month[1] - month[0])
projected = round((judged + pending) / elapsed)
allowed = math.floor((1 - goal) * projected + 1e-9)
print(f"November to date: judged={judged} pending={pending} elapsed={elapsed:.6f} projected={projected} "
      f"allowed={allowed} used={used} remaining={allowed - used} burn={used / allowed / elapsed:.6f}")
if 0 < used < allowed:
    at = month[0] + math.floor(allowed * (as_of - month[0]) / used)
    print("run-out:", datetime.fromtimestamp(at, timezone.utc).isoformat() if at < month[1] else "lasts the month")
