#!/usr/bin/env python3
"""Independent oracle for `handoff backtest` on the example data (agreements/acme.yaml's model written out by hand).

Usage: python3 scripts/oracle_backtest.py [examples/acme] [--threshold1 N ...]

Replays every lead at its creation and at each engagement event after it (up to the end of the window),
with acme's scoring model (fit, engagement with max_count / within / 10%-per-30-days decay, BANT, cap 100),
its fit criteria, disqualifiers and three threshold alternatives; an MQL at the first moment the definition
holds. Window: the 6 whole calendar months (America/New_York; all in EDT, so month starts are 04:00Z) before
the as-of month, as-of being the latest timestamp in the three files. Prints, per variant, the numbers the
Swift tests assert. Variants: the current definition, then one per --threshold1 value (the first
alternative `fit + engagement >= N`).
"""
import csv, sys

from oracle_common import DAY, engagement as points, num, ts
from datetime import datetime, timezone

args = [a for a in sys.argv[1:] if not a.startswith("--")]
folder = args[0] if args else "examples/acme"
sweep = [float(sys.argv[i + 1]) for i, a in enumerate(sys.argv) if a == "--threshold1"]


leads, seen = [], set()
latest = 0
for row in csv.DictReader(open(f"{folder}/leads.csv", newline="")):
    lid = row["lead_id"]
    if not lid or lid in seen:
        continue
    seen.add(lid)
    for k, v in row.items():
        if k.endswith("_at") and v and ts(v):
            latest = max(latest, ts(v))
    leads.append(row)
events = {}
for row in csv.DictReader(open(f"{folder}/engagement.csv", newline="")):
    t = ts(row["at"])
    if row["lead_id"] in seen and t is not None:
        events.setdefault(row["lead_id"], []).append((t, row["action"]))
        latest = max(latest, t)
for row in csv.DictReader(open(f"{folder}/activities.csv", newline="")):
    t = ts(row["at"])
    if row["lead_id"] in seen and t is not None:
        latest = max(latest, t)
for v in events.values():
    v.sort(key=lambda e: e[0])
as_of = latest

# window: May..Oct 2026 local (EDT, UTC-4) when as-of is in November 2026
months = [(2026, m) for m in range(5, 11)]
starts = [int(datetime(y, m, 1, 4, tzinfo=timezone.utc).timestamp()) for y, m in months]
window_end = int(datetime(2026, 11, 1, 4, tzinfo=timezone.utc).timestamp())
assert datetime.fromtimestamp(as_of, timezone.utc) >= datetime(2026, 11, 1, 4, tzinfo=timezone.utc)

RULES = {  # action: (points, max_count, within seconds)
    "demo_request": (50, None, None), "webinar_attended": (30, None, None),
    "pricing_page_visit": (20, 3, None), "ebook_download": (15, 4, None),
    "blog_read": (5, 6, 30 * DAY), "email_open": (2, 10, 30 * DAY),
}
INDUSTRIES = ["financial services", "healthcare", "saas"]
COUNTRIES = ["united states", "canada", "united kingdom"]
TITLES = ["manager", "director", "head", "vp", "vice president", "chief", "cfo", "cto", "ceo"]


def static(l):
    emp, rev = num(l["employees"]), num(l["annual_revenue"])
    ind, ctry, title = l["industry"].lower(), l["country"].lower(), l["title"].lower()
    fit = (40 if emp is not None and 250 <= emp <= 5000 else 0) + (30 if ind in INDUSTRIES else 0) \
        + (20 if ctry in COUNTRIES else 0) + (10 if rev is not None and 10e6 <= rev <= 500e6 else 0)
    bant = (30 if any(w in title for w in ["director", "vp", "vice president", "chief", "head"]) else 0) \
        + (30 if l["timeline"].lower() == "now" else 0) + (20 if l["use_case"] else 0) + (20 if l["budget"] else 0)
    disq = l["company"].lower() in ["globex analytics", "initech insights"] \
        or any(w in title for w in ["student", "intern", "job seeker"]) or (emp is not None and emp < 50)
    fits = emp is not None and 250 <= emp <= 5000 and rev is not None and 10e6 <= rev <= 500e6 \
        and ind in INDUSTRIES and ctry in COUNTRIES and any(w in title for w in TITLES)
    return min(100.0, fit), min(100.0, bant), disq, fits


def fast_track(evs, moment, eng):
    n = lambda a, w=None: sum(1 for at, x in evs if x == a and at <= moment and (w is None or at >= moment - w))
    last = max((at for at, _ in evs if at <= moment), default=None)
    return n("demo_request") >= 1 or n("contact_sales") >= 1 or n("pricing_page_visit", DAY) >= 3 \
        or n("live_demo_attended") >= 1 or (eng >= 100 and last is not None and moment - last <= 7 * DAY)


def replay(t1):
    out = {}
    for l in leads:
        fit, bant, disq, fits = static(l)
        if disq or not fits:
            continue
        evs = events.get(l["lead_id"], [])
        created = ts(l["created_at"]) if l["created_at"] else None
        moments = ([created] if created is not None else []) + sorted({at for at, _ in evs if created is None or at > created})
        for m in moments:
            if m > window_end - 1:
                break
            eng = points(evs, m, RULES)
            if fit + eng >= t1 or (fit >= 60 and eng >= 75) or (bant >= 60 and fit >= 40 and eng >= 50):
                if m >= starts[0]:
                    out[l["lead_id"]] = (m, fit + eng + bant, fast_track(evs, m, eng))
                break
    return out


REASONS = {"wrong company profile": "wrong-profile", "not interested": "not-interested", "already has solution": "has-solution",
           "no budget": "no-budget", "couldn't reach": "cant-reach"}
by_id = {l["lead_id"]: l for l in leads}


def outcome(ids):
    o = dict(leads=len(ids), handed_over=0, accepted=0, rejected=0, sql=0, won=0, reasons={})
    for i in ids:
        l = by_id[i]
        o["handed_over"] += bool(l["mql_at"] and ts(l["mql_at"]) and ts(l["mql_at"]) <= as_of)
        if l["decision"] == "accepted":
            o["accepted"] += 1
        if l["decision"] == "rejected":
            o["rejected"] += 1
            r = REASONS.get(l["rejection_reason"].lower(), l["rejection_reason"])
            o["reasons"][r] = o["reasons"].get(r, 0) + 1
        o["sql"] += bool(l["sql_at"] and ts(l["sql_at"]) <= as_of)
        o["won"] += bool(l["won_at"] and ts(l["won_at"]) <= as_of)
    return o


current = replay(100)
for name, t1 in [("current", 100)] + [(f"fit + engagement >= {v:g}", v) for v in sweep]:
    r = current if t1 == 100 and name == "current" else replay(t1)
    per_month = [sum(1 for m, _, _ in r.values() if starts[k] <= m < (starts[k + 1] if k + 1 < len(starts) else window_end)) for k in range(6)]
    o = outcome(r)
    decided = o["accepted"] + o["rejected"]
    bands = {}
    for i, (_, s, _) in r.items():
        bands.setdefault(int(s // 50) * 50, []).append(i)
    print(name)
    print("  mqls", len(r), "per_month", per_month, "fast_track", sum(1 for v in r.values() if v[2]))
    print("  accepted/decided", o["accepted"], decided, "acceptance %.4f" % (o["accepted"] / decided if decided else float("nan")),
          "sql", o["sql"], "%.4f" % (o["sql"] / len(r)), "won", o["won"], "%.4f" % (o["won"] / len(r)), "handed_over", o["handed_over"])
    print("  bands", {b: (len(ids), outcome(ids)["won"]) for b, ids in sorted(bands.items())})
    if name != "current":
        print("  added", outcome(set(r) - set(current)))
        print("  dropped", outcome(set(current) - set(r)))
