#!/usr/bin/env python3
"""The analyst's baseline: the week's core SLA metrics in DuckDB SQL over the same CSV exports.

Usage: bench_duckdb.py DATA_DIR WEEK_START_UTC WEEK_END_UTC AS_OF_UTC [--json]
Computes: MQL count, routing within 5 minutes, first touch within 30 minutes (calendar clock), acceptance rate,
rejection reasons, attempts before unresponsive (>= 6 of call/email/sms), conversion by source over 8 weeks,
and the 8-week trend (MQLs and acceptance per week). Prints JSON with --json, else a summary.
"""
import json
import sys

import duckdb

data, start, end, as_of = sys.argv[1:5]
con = duckdb.connect()
con.execute("SET TimeZone = 'America/New_York'")  # weeks start at local Monday midnight, as in the agreement
con.execute(f"""
CREATE TABLE leads AS SELECT * FROM read_csv('{data}/leads.csv', header=true, all_varchar=true);
CREATE TABLE acts AS SELECT * FROM read_csv('{data}/activities.csv', header=true,
  columns={{'lead_id': 'VARCHAR', 'at': 'VARCHAR', 'type': 'VARCHAR', 'outcome': 'VARCHAR'}});
CREATE TABLE l AS SELECT lead_id, source, status, decision, rejection_reason,
       TRY_CAST(mql_at AS TIMESTAMPTZ) AS mql, TRY_CAST(routed_at AS TIMESTAMPTZ) AS routed,
       TRY_CAST(sql_at AS TIMESTAMPTZ) AS sqlt
  FROM leads WHERE lead_id IS NOT NULL;
CREATE TABLE a AS SELECT lead_id, TRY_CAST("at" AS TIMESTAMPTZ) AS t, type FROM acts;
""")
W = f"TIMESTAMPTZ '{start}'", f"TIMESTAMPTZ '{end}'", f"TIMESTAMPTZ '{as_of}'"
cohort = f"(SELECT * FROM l WHERE mql >= {W[0]} AND mql < {W[1]} AND mql <= {W[2]})"
out = {}
out["mql_count"] = con.execute(f"SELECT count(*) FROM {cohort}").fetchone()[0]
out["routing_within_5m"] = con.execute(f"""
  SELECT count(*) FILTER (WHERE routed IS NOT NULL AND routed <= {W[2]} AND routed - mql <= INTERVAL 5 MINUTE), count(*)
  FROM {cohort}""").fetchone()
out["first_touch_within_30m_calendar"] = con.execute(f"""
  WITH c AS (SELECT lead_id, coalesce(routed, mql) AS h FROM {cohort}),
  ft AS (SELECT c.lead_id, c.h, min(a.t) AS first FROM c LEFT JOIN a ON a.lead_id = c.lead_id AND a.t >= c.h
           AND a.t <= {W[2]} AND a.type NOT IN ('note', 'task') GROUP BY c.lead_id, c.h)
  SELECT count(*) FILTER (WHERE first IS NOT NULL AND first - h <= INTERVAL 30 MINUTE),
         count(*) FILTER (WHERE first IS NOT NULL OR h + INTERVAL 30 MINUTE <= {W[2]})
  FROM ft""").fetchone()
out["acceptance"] = con.execute(f"""
  SELECT count(*) FILTER (WHERE decision = 'accepted'), count(*) FILTER (WHERE decision IN ('accepted', 'rejected')) FROM {cohort}""").fetchone()
out["rejection_reasons"] = dict(con.execute(f"""
  SELECT coalesce(rejection_reason, ''), count(*) FROM {cohort} WHERE decision = 'rejected' GROUP BY 1 ORDER BY 1""").fetchall())
out["attempts_6_before_unresponsive"] = con.execute(f"""
  WITH u AS (SELECT lead_id FROM {cohort} WHERE status = 'unresponsive'),
  n AS (SELECT u.lead_id, count(a.t) FILTER (WHERE a.type IN ('call', 'email', 'sms')) AS k FROM u LEFT JOIN a ON a.lead_id = u.lead_id GROUP BY u.lead_id)
  SELECT count(*) FILTER (WHERE k >= 6), count(*) FROM n""").fetchone()
out["sources_8_weeks"] = {r[0]: list(r[1:]) for r in con.execute(f"""
  SELECT coalesce(source, '(no source)'), count(*), count(*) FILTER (WHERE decision = 'accepted'),
         count(*) FILTER (WHERE decision IN ('accepted', 'rejected')), count(*) FILTER (WHERE sqlt <= {W[2]})
  FROM l WHERE mql >= {W[0]} - INTERVAL 49 DAY AND mql < {W[1]} AND mql <= {W[2]} GROUP BY 1 ORDER BY 1""").fetchall()}
out["trend"] = [list(r) for r in con.execute(f"""
  SELECT CAST(date_trunc('week', mql) AS VARCHAR) AS wk, count(*),
         count(*) FILTER (WHERE decision = 'accepted'), count(*) FILTER (WHERE decision IN ('accepted', 'rejected'))
  FROM l WHERE mql >= {W[0]} - INTERVAL 49 DAY AND mql < {W[1]} AND mql <= {W[2]} GROUP BY 1 ORDER BY 1""").fetchall()]
if "--json" in sys.argv:
    print(json.dumps(out, sort_keys=True))
else:
    print(out)
