#!/usr/bin/env python3
"""The analyst's baseline: the scorecard's work in DuckDB SQL over the same CSV exports.

Usage: bench_duckdb.py DATA_DIR WEEK_START_UTC WEEK_END_UTC AS_OF_UTC [--json]
Reads all three exports (leads, activities, engagement). Computes: MQL count, routing within 5 minutes, first
touch within 30 minutes (calendar clock), acceptance rate, rejection reasons, attempts before unresponsive (>= 6
of call/email/sms), the week's MQLs re-scored from engagement at the moment each became an MQL with the
agreement's model (fit, engagement with per-action caps, windows and 10% decay per 30 days, BANT, capped at 100;
disqualifiers, fit criteria and thresholds: the share that meets the definition), fast-track MQLs (demo request,
contact sales, pricing page 3+ times in 24 hours, engagement 100+ with activity in the last 7 days), conversion by
source over 8 weeks, and the 8-week trend (MQLs and acceptance per week). Prints JSON with --json, else a summary.
The scoring model is agreements/acme.yaml's, written out here as SQL.
"""
import json
import sys

import duckdb

data, start, end, as_of = sys.argv[1:5]
con = duckdb.connect()
con.execute("SET TimeZone = 'America/New_York'")  # weeks start at local Monday midnight, as in the agreement
con.execute(f"""
CREATE TABLE leads AS SELECT * FROM read_csv('{data}/leads.csv', header=true, all_varchar=true);
CREATE TABLE l AS SELECT lead_id, source, status, decision, rejection_reason,
       TRY_CAST(mql_at AS TIMESTAMPTZ) AS mql, TRY_CAST(routed_at AS TIMESTAMPTZ) AS routed,
       TRY_CAST(sql_at AS TIMESTAMPTZ) AS sqlt,
       TRY_CAST(employees AS DOUBLE) AS employees, TRY_CAST(annual_revenue AS DOUBLE) AS revenue,
       lower(coalesce(industry, '')) AS industry, lower(coalesce(country, '')) AS country, lower(coalesce(title, '')) AS title,
       lower(coalesce(company, '')) AS company, lower(coalesce(timeline, '')) AS timeline,
       coalesce(use_case, '') AS use_case, coalesce(budget, '') AS budget
  FROM leads WHERE lead_id IS NOT NULL;
DROP TABLE leads;
CREATE TABLE acts AS SELECT lead_id, "at", type FROM read_csv('{data}/activities.csv', header=true, all_varchar=true);
CREATE TABLE a AS SELECT lead_id, TRY_CAST("at" AS TIMESTAMPTZ) AS t, type FROM acts;
DROP TABLE acts;
CREATE TABLE eng_raw AS SELECT lead_id, "at", action FROM read_csv('{data}/engagement.csv', header=true, all_varchar=true);
CREATE TABLE e AS SELECT lead_id, TRY_CAST("at" AS TIMESTAMPTZ) AS t, lower(action) AS action FROM eng_raw
  WHERE lead_id IS NOT NULL AND action IS NOT NULL;
DROP TABLE eng_raw;
CREATE TABLE rules AS SELECT * FROM (VALUES
  ('demo_request', 50.0, NULL, NULL), ('webinar_attended', 30.0, NULL, NULL), ('pricing_page_visit', 20.0, NULL, 3),
  ('ebook_download', 15.0, NULL, 4), ('blog_read', 5.0, 30 * 86400, 6), ('email_open', 2.0, 30 * 86400, 10))
  AS r(action, points, within_s, max_count);
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
# The week's MQLs re-scored at the moment each became an MQL (the mql-quality commitment).
con.execute(f"""
CREATE TEMP TABLE c AS SELECT * FROM {cohort};
CREATE TEMP TABLE ce AS SELECT c.lead_id, c.mql, e.t, e.action, epoch(c.mql) - epoch(e.t) AS age
  FROM c JOIN e ON e.lead_id = c.lead_id AND e.t <= c.mql;
CREATE TEMP TABLE eng AS
  WITH scored AS (SELECT ce.lead_id, ce.age, r.points, r.max_count,
           row_number() OVER (PARTITION BY ce.lead_id, ce.action ORDER BY ce.t DESC) AS k
         FROM ce JOIN rules r ON r.action = ce.action WHERE r.within_s IS NULL OR ce.age <= r.within_s)
  SELECT lead_id, least(100, sum(points * power(0.9, floor(age / (30 * 86400))))) AS engagement
  FROM scored WHERE max_count IS NULL OR k <= max_count GROUP BY lead_id;
CREATE TEMP TABLE s AS SELECT c.*,
    least(100, 40 * (coalesce(employees BETWEEN 250 AND 5000, false))::INT
             + 30 * (industry IN ('financial services', 'healthcare', 'saas'))::INT
             + 20 * (country IN ('united states', 'canada', 'united kingdom'))::INT
             + 10 * (coalesce(revenue BETWEEN 10e6 AND 500e6, false))::INT) AS fit,
    coalesce(eng.engagement, 0) AS engagement,
    least(100, 30 * (title LIKE '%director%' OR title LIKE '%vp%' OR title LIKE '%vice president%' OR title LIKE '%chief%' OR title LIKE '%head%')::INT
             + 30 * (timeline = 'now')::INT + 20 * (use_case != '')::INT + 20 * (budget != '')::INT) AS bant
  FROM c LEFT JOIN eng USING (lead_id);
""")
out["criteria_met"] = con.execute("""
  SELECT count(*) FILTER (WHERE NOT (company IN ('globex analytics', 'initech insights')
                                     OR title LIKE '%student%' OR title LIKE '%intern%' OR title LIKE '%job seeker%'
                                     OR coalesce(employees < 50, false))
                             AND coalesce(employees BETWEEN 250 AND 5000, false) AND coalesce(revenue BETWEEN 10e6 AND 500e6, false)
                             AND industry IN ('financial services', 'healthcare', 'saas')
                             AND country IN ('united states', 'canada', 'united kingdom')
                             AND (title LIKE '%manager%' OR title LIKE '%director%' OR title LIKE '%head%' OR title LIKE '%vp%'
                                  OR title LIKE '%vice president%' OR title LIKE '%chief%' OR title LIKE '%cfo%' OR title LIKE '%cto%'
                                  OR title LIKE '%ceo%')
                             AND (fit + engagement >= 100 OR (fit >= 60 AND engagement >= 75)
                                  OR (bant >= 60 AND fit >= 40 AND engagement >= 50))),
         count(*)
  FROM s""").fetchone()
# Fast-track MQLs of the week: a trigger fired at the moment the lead became an MQL.
out["fast_track"] = con.execute("""
  WITH f AS (SELECT s.lead_id,
       bool_or(ce.action IN ('demo_request', 'contact_sales', 'live_demo_attended')) AS form,
       count(*) FILTER (WHERE ce.action = 'pricing_page_visit' AND ce.age <= 86400) AS pricing,
       min(ce.age) AS last_age, any_value(s.engagement) AS engagement
     FROM s LEFT JOIN ce USING (lead_id) GROUP BY s.lead_id)
  SELECT count(*) FILTER (WHERE coalesce(form, false) OR pricing >= 3 OR (engagement >= 100 AND last_age <= 7 * 86400)), count(*)
  FROM f""").fetchone()
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
