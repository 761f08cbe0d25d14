#!/usr/bin/env python3
"""Independent oracle for `handoff init --from-data` on the example data (the starter's model written out by hand).

Usage: python3 scripts/oracle_draft.py [examples/acme]

As-of: the latest timestamp in the three files. Window: the 6 whole calendar months before the as-of month in
America/New_York. Prints the drafted numbers:
- threshold: each lead created in the window gets its peak total score (starter model: fit, engagement with
  max_count / within / 10%-per-30-days decay, BANT; cap 100 each) at its creation and each later engagement event,
  rounded down to whole points; the threshold is the smallest score with the largest
  (share of won at or above) - (share of not won at or above);
- volume: mean mql_at per local month over the window, rounded half up;
- first touch: business minutes (Mon-Fri 09:00-17:00 New York) from routed_at (else mql_at) to the first
  activity at or after it (notes excluded), for handoffs in the window; p50/p90 by nearest rank;
- capacity: distinct owners of those handoffs; busiest month × 12 / 52 / reps, rounded up.
"""
import csv, math, sys

from oracle_common import DAY, engagement as points, num, ts
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

folder = sys.argv[1] if len(sys.argv) > 1 else "examples/acme"
NY = ZoneInfo("America/New_York")


leads, seen, latest = [], set(), 0
for row in csv.DictReader(open(f"{folder}/leads.csv", newline="")):
    if not row["lead_id"] or row["lead_id"] in seen:
        continue
    seen.add(row["lead_id"])
    leads.append(row)
    latest = max([latest] + [ts(v) for k, v in row.items() if k.endswith("_at") and v and ts(v)])
events, acts = {}, {}
for row in csv.DictReader(open(f"{folder}/engagement.csv", newline="")):
    if row["lead_id"] in seen and ts(row["at"]) is not None:
        events.setdefault(row["lead_id"], []).append((ts(row["at"]), row["action"]))
        latest = max(latest, ts(row["at"]))
for row in csv.DictReader(open(f"{folder}/activities.csv", newline="")):
    if row["lead_id"] in seen and ts(row["at"]) is not None:
        acts.setdefault(row["lead_id"], []).append((ts(row["at"]), row["type"]))
        latest = max(latest, ts(row["at"]))
for v in events.values():
    v.sort()
as_of = latest
local = datetime.fromtimestamp(as_of, NY)
month_starts = []
y, m = local.year, local.month
for _ in range(7):
    month_starts.insert(0, int(datetime(y, m, 1, tzinfo=NY).timestamp()))
    y, m = (y, m - 1) if m > 1 else (y - 1, 12)
w0, w1 = month_starts[0], month_starts[-1]

RULES = {"demo_request": (50, None, None), "webinar_attended": (25, None, None), "pricing_page_visit": (10, 3, None),
         "ebook_download": (10, 3, None), "email_open": (2, 10, 30 * DAY)}


def peak(l):
    emp = num(l["employees"])
    title = l["title"].lower()
    fit = min(100, (60 if emp is not None and 100 <= emp <= 5000 else 0)
              + (40 if any(w in title for w in ["manager", "director", "head", "vp", "chief"]) else 0))
    bant = 50 if l["timeline"].lower() == "now" else 0
    created = ts(l["created_at"])
    evs = events.get(l["lead_id"], [])
    moments = [created] + [at for at, _ in evs if created < at <= as_of]
    return math.floor(max(fit + points(evs, m, RULES) + bant for m in moments) + 1e-9)


history = [l for l in leads if l["created_at"] and ts(l["created_at"]) and w0 <= ts(l["created_at"]) < w1 and ts(l["created_at"]) <= as_of]
assert len(history) >= 500
scored = [(peak(l), bool(l["won_at"] and ts(l["won_at"]) <= as_of)) for l in history]
won = sum(1 for _, w in scored if w)
rest = len(scored) - won
best = None
for t in sorted({s for s, _ in scored if s > 0}):
    wa = sum(1 for s, w in scored if w and s >= t)
    ra = sum(1 for s, w in scored if not w and s >= t)
    gap = wa / won - ra / rest
    if best is None or gap > best[0]:
        best = (gap, t, wa, ra)
print(f"history {len(history)} leads; threshold score >= {best[1]}: {best[2]} of {won} won, {best[3]} of {rest} not won")

per_month = [0] * 6
for l in leads:
    t = ts(l["mql_at"]) if l["mql_at"] else None
    if t is not None and w0 <= t < w1:
        per_month[max(k for k in range(6) if month_starts[k] <= t)] += 1
print("mql_at per month", per_month, "mean", math.floor(sum(per_month) / 6 + 0.5))


def business_seconds(a, b):
    total, day = 0, datetime.fromtimestamp(a, NY).date()
    while True:
        start = int(datetime(day.year, day.month, day.day, 9, tzinfo=NY).timestamp())
        end = int(datetime(day.year, day.month, day.day, 17, tzinfo=NY).timestamp())
        if start > b:
            return total
        if day.weekday() < 5 and str(day) != "2027-01-01":
            total += max(0, min(b, end) - max(a, start))
        day += timedelta(days=1)


times, owners = [], set()
for l in leads:
    h = ts(l["routed_at"]) if l["routed_at"] and ts(l["routed_at"]) else (ts(l["mql_at"]) if l["mql_at"] else None)
    if h is None or not (w0 <= h < w1):
        continue
    if l["owner"]:
        owners.add(l["owner"])
    touches = [at for at, kind in acts.get(l["lead_id"], []) if kind not in ("note", "task") and h <= at <= as_of]
    if touches:
        times.append(business_seconds(h, min(touches)))
times.sort()
rank = lambda p: times[max(1, math.ceil(p * len(times) / 100)) - 1]
p50, p90 = rank(50), rank(90)
print(f"first touch n={len(times)} p50 {p50} s = {p50 / 60:.2f} min p90 {p90} s = {p90 / 60:.2f} min; -> within {max(1, math.ceil(p90 / 60))}m")
print(f"capacity {len(owners)} reps x {math.ceil(max(per_month) * 12 / 52 / len(owners))} a week")
