"""Helpers shared by the plain-Python oracles (scripts/oracle, scripts/oracle_backtest.py, scripts/oracle_draft.py)."""
from datetime import datetime

DAY = 86400


def ts(text):
    """Seconds since the epoch of an ISO timestamp (`2026-05-18T19:15:44Z`), or None when it is not one."""
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def num(text):
    try:
        return float(text)
    except ValueError:
        return None


def engagement(evs, moment, rules, decay=0.1, every=30 * DAY, cap=100.0):
    """Engagement points at `moment`: most recent first, at most max_count per action, only within the window,
    each kept (1 - decay) per full period of age; capped. `rules`: action -> (points, max_count, within seconds)."""
    counted, total = {}, 0.0
    for at, action in reversed(evs):
        if at > moment or action not in rules:
            continue
        points, limit, within = rules[action]
        age = moment - at
        if (within is not None and age > within) or (limit is not None and counted.get(action, 0) >= limit):
            continue
        counted[action] = counted.get(action, 0) + 1
        kept = 1.0
        for _ in range(age // every):
            kept *= 1 - decay
        total += points * kept
    return min(cap, total)
