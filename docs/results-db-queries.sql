-- Example queries over a results database (docs/results-db.md). Each starts with a
-- "-- name:" line; docs/results-db.md shows each one verbatim and tests/batch runs them
-- (batch_results_db_test.cpp), so the page cannot drift from what they answer.
-- Only finished runs of whole sets count: a run killed half-way has no finished_at, and a
-- shard's run (shard 'I/N') holds a part of the set (record the merged run instead).

-- name: unfixed-errors
-- Units whose errors have stayed unfixed for :runs runs: errors (same report key, same
-- finding fingerprint) that each of the latest :runs finished runs found, per department.
WITH recent AS (
  SELECT id FROM run
  WHERE finished_at IS NOT NULL AND shard IS NULL
  ORDER BY id DESC LIMIT :runs
),
unfixed AS (
  SELECT report.key, max(coalesce(report.department, report.key)) AS unit, finding.fingerprint
  FROM finding JOIN report ON report.id = finding.report_id
  WHERE report.run_id IN (SELECT id FROM recent) AND finding.severity = 'error'
  GROUP BY report.key, finding.fingerprint
  HAVING count(DISTINCT report.run_id) = :runs
)
SELECT unit, count(*) AS unfixed_errors
FROM unfixed
GROUP BY unit
ORDER BY unfixed_errors DESC, unit;

-- name: rules-this-month
-- Rules that fire most in a month's finished runs (:month as 'YYYY-MM'; NULL: this month).
SELECT finding.rule, count(*) AS findings, count(DISTINCT report.key) AS reports
FROM finding
JOIN report ON report.id = finding.report_id
JOIN run ON run.id = report.run_id
WHERE run.finished_at IS NOT NULL AND run.shard IS NULL
  AND substr(run.started_at, 1, 7) = coalesce(:month, strftime('%Y-%m', 'now'))
GROUP BY finding.rule
ORDER BY findings DESC, finding.rule;

-- name: changes-since-previous-run
-- Errors new in the latest finished run, and errors fixed since the run before it (in
-- reports the latest run audited: a report that failed to load fixed nothing).
WITH latest AS (
  SELECT max(id) AS id FROM run WHERE finished_at IS NOT NULL AND shard IS NULL
),
previous AS (
  SELECT max(id) AS id FROM run
  WHERE finished_at IS NOT NULL AND shard IS NULL AND id < (SELECT id FROM latest)
),
errors AS (
  SELECT report.run_id, report.key, finding.rule, finding.fingerprint
  FROM finding JOIN report ON report.id = finding.report_id
  WHERE finding.severity = 'error'
    AND report.run_id IN ((SELECT id FROM latest), (SELECT id FROM previous))
)
SELECT 'new' AS change, key, rule FROM errors AS now
WHERE run_id = (SELECT id FROM latest)
  AND NOT EXISTS (SELECT 1 FROM errors AS before WHERE before.run_id = (SELECT id FROM previous)
                  AND before.key = now.key AND before.fingerprint = now.fingerprint)
UNION ALL
SELECT 'fixed', key, rule FROM errors AS before
WHERE run_id = (SELECT id FROM previous)
  AND EXISTS (SELECT 1 FROM report WHERE report.run_id = (SELECT id FROM latest)
              AND report.key = before.key AND report.status = 'audited')
  AND NOT EXISTS (SELECT 1 FROM errors AS now WHERE now.run_id = (SELECT id FROM latest)
                  AND now.key = before.key AND now.fingerprint = before.fingerprint)
ORDER BY change, key, rule;
