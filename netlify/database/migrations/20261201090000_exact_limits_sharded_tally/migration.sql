-- Exact under concurrency on a real, many-connection Postgres, with no single hot row:
--   1. the tally is split into shards that concurrent reports update side by side, summed on read,
--      and it gains the dimensions of a report to officials: per day, per country, per language;
--   2. the per-client rate limit counts a sliding ten minutes instead of clock-aligned windows;
--   3. the surge guard admits reports to the public tally under one short lock, exactly up to its limit.

-- The day a report arrived, in the appeal's time zone (the function that stores it knows the zone).
ALTER TABLE reports ADD COLUMN received_on date;
UPDATE reports SET received_on = (received_at AT TIME ZONE 'UTC')::date;
ALTER TABLE reports ALTER COLUMN received_on SET NOT NULL;

-- Language codes as content/appeal/ names them, "pt-BR" included.
ALTER TABLE reports DROP CONSTRAINT reports_language_check;
ALTER TABLE reports ADD CONSTRAINT reports_language_check
  CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' OR language = 'other');

-- What one counted report adds to the tally, one row per dimension and key. The insert trigger,
-- the release trigger and the recount all use this one definition.
--   all:      key ''            actions of the report
--   channel:  the channel       actions on that channel (reports = reports that used it)
--   target:   the official      actions of reports that name them
--   day:      YYYY-MM-DD        actions of reports received that day, in the appeal's time zone
--   country:  ISO 3166-1 code   only when the supporter gave one
--   language: the language written in, or 'other'
CREATE FUNCTION report_contributions(r reports) RETURNS TABLE (dimension text, key text, actions bigint)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
    SELECT 'all', '', r.actions::bigint
    UNION ALL
    SELECT 'channel', c.channel, (c.n #>> '{}')::bigint FROM jsonb_each(r.counts) AS c(channel, n) WHERE (c.n #>> '{}')::integer > 0
    UNION ALL
    SELECT 'target', target, r.actions::bigint FROM unnest(r.targets) AS target
    UNION ALL
    SELECT 'day', to_char(r.received_on, 'YYYY-MM-DD'), r.actions::bigint
    UNION ALL
    SELECT 'country', r.country, r.actions::bigint WHERE r.country IS NOT NULL
    UNION ALL
    SELECT 'language', r.language, r.actions::bigint;
END
$$;

-- Sixteen shards: a report adds to the rows of the shard its database session maps to, so reports
-- arriving together rarely wait for each other's row locks. Reading sums the shards: a few hundred
-- rows at most, whatever the number of reports.
ALTER TABLE tally DROP CONSTRAINT tally_pkey;
ALTER TABLE tally DROP CONSTRAINT tally_dimension_check;
ALTER TABLE tally ADD COLUMN shard smallint NOT NULL DEFAULT 0 CHECK (shard BETWEEN 0 AND 15);
-- When the earliest report counted in the row was received.
ALTER TABLE tally ADD COLUMN first_at timestamptz;
ALTER TABLE tally ADD PRIMARY KEY (dimension, key, shard);
ALTER TABLE tally ADD CONSTRAINT tally_dimension_check
  CHECK (dimension IN ('all', 'channel', 'target', 'day', 'country', 'language'));

CREATE OR REPLACE FUNCTION tally_report() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are locked in one fixed order (dimension, key) so concurrent reports cannot deadlock.
  INSERT INTO tally AS t (dimension, key, shard, actions, reports, first_at, updated_at)
  SELECT c.dimension, c.key, pg_backend_pid() % 16, c.actions, 1, NEW.received_at, now()
  FROM report_contributions(NEW) AS c
  ORDER BY c.dimension, c.key
  ON CONFLICT (dimension, key, shard) DO UPDATE
    SET actions = t.actions + excluded.actions,
        reports = t.reports + excluded.reports,
        first_at = least(t.first_at, excluded.first_at),
        updated_at = excluded.updated_at;
  RETURN NULL;
END
$$;

-- Rebuilds the tally from the rows, for the day something went wrong. While it runs no report can
-- be stored or released (SHARE blocks writes to reports), so the rebuilt tally matches the rows exactly.
CREATE FUNCTION tally_recount() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE reports IN SHARE MODE;
  LOCK TABLE tally IN EXCLUSIVE MODE;
  DELETE FROM tally;
  INSERT INTO tally (dimension, key, shard, actions, reports, first_at, updated_at)
  SELECT c.dimension, c.key, 0, sum(c.actions), count(*), min(r.received_at), now()
  FROM reports AS r, report_contributions(r) AS c
  WHERE NOT r.suspicious
  GROUP BY c.dimension, c.key;
  INSERT INTO tally (dimension, key) VALUES ('all', '') ON CONFLICT DO NOTHING;
END
$$;

SELECT tally_recount();

-- The rate limit: one row per report a client sent, kept ten minutes. The client is an HMAC of the
-- hour and its address with a secret salt: the address is never stored, and rows are unlinkable
-- across hours without the salt.
DROP TABLE report_rate_limits;
CREATE TABLE report_rate_limits (
  client_hash text NOT NULL CHECK (client_hash ~ '^[0-9a-f]{64}$'),
  received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX report_rate_limits_client ON report_rate_limits (client_hash, received_at);
CREATE INDEX report_rate_limits_received ON report_rate_limits (received_at);

-- Reports the surge guard admitted to the public tally, kept for its window.
CREATE TABLE report_surge_admissions (
  report_id uuid PRIMARY KEY,
  admitted_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX report_surge_admissions_at ON report_surge_admissions (admitted_at);

-- Decides, before a report is stored, everything that depends on other reports:
--   stored:       a report with this id is already stored (a retry): nothing else is counted or used up;
--   rate_allowed: the client has sent fewer than rate_limit reports in the window (sliding);
--   admitted:     the public tally has taken fewer than surge_limit reports in the window, so this one
--                 counts; otherwise it is stored but held for review ('surge'). Reports already held
--                 (flagged: honeypot, too fast) are not admitted and use up nothing.
-- The client's reports and the surge window are each decided under a lock and read with a fresh
-- snapshot, so concurrent requests cannot all see room for one more. This bookkeeping commits
-- without waiting for the disk: a crash can forget its last moments, never a report.
CREATE FUNCTION report_admission(
  report_id uuid, client_hashes text[], rate_limit integer, surge_limit integer, flagged boolean, window_seconds integer
) RETURNS TABLE (stored boolean, held boolean, rate_allowed boolean, retry_after_seconds integer, admitted boolean, tally_actions bigint, tally_reports bigint)
LANGUAGE plpgsql AS $$
DECLARE
  window_length interval := make_interval(secs => window_seconds);
  existing reports%ROWTYPE;
  recent integer;
  oldest timestamptz;
  hash text;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  -- The public totals before this report, for its answer.
  SELECT coalesce(sum(t.actions), 0), coalesce(sum(t.reports), 0) INTO tally_actions, tally_reports FROM tally AS t WHERE t.dimension = 'all';

  SELECT * INTO existing FROM reports AS r WHERE r.id = report_id;
  IF FOUND THEN
    stored := true; held := existing.suspicious; rate_allowed := true; retry_after_seconds := 0; admitted := NOT existing.suspicious;
    RETURN NEXT;
    RETURN;
  END IF;
  stored := false;
  held := false;

  -- One client's reports, in a fixed order of its hashes (this hour's and the last hour's).
  FOR hash IN SELECT DISTINCT h FROM unnest(client_hashes) AS h ORDER BY h LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(hash, 11921));
  END LOOP;
  SELECT count(*), min(l.received_at) INTO recent, oldest
  FROM report_rate_limits AS l
  WHERE l.client_hash = ANY (client_hashes) AND l.received_at > clock_timestamp() - window_length;
  IF recent >= rate_limit THEN
    rate_allowed := false;
    retry_after_seconds := greatest(1, ceil(extract(epoch FROM oldest + window_length - clock_timestamp())))::integer;
    admitted := false;
    RETURN NEXT;
    RETURN;
  END IF;
  rate_allowed := true;
  retry_after_seconds := 0;
  INSERT INTO report_rate_limits (client_hash) VALUES (client_hashes[1]);
  -- Now and then, forget the clients whose window has passed.
  IF random() < 0.02 THEN
    DELETE FROM report_rate_limits AS l WHERE l.received_at < clock_timestamp() - window_length;
    DELETE FROM report_surge_admissions AS a WHERE a.admitted_at < clock_timestamp() - window_length;
  END IF;

  IF flagged THEN
    admitted := false;
    RETURN NEXT;
    RETURN;
  END IF;
  -- The whole campaign's window: one lock, held only until this short transaction commits.
  PERFORM pg_advisory_xact_lock(11921);
  IF EXISTS (SELECT 1 FROM report_surge_admissions AS a WHERE a.report_id = report_admission.report_id) THEN
    admitted := true;
  ELSE
    SELECT count(*) INTO recent FROM report_surge_admissions AS a WHERE a.admitted_at > clock_timestamp() - window_length;
    admitted := recent < surge_limit;
    IF admitted THEN
      INSERT INTO report_surge_admissions (report_id) VALUES (report_admission.report_id);
    END IF;
  END IF;
  RETURN NEXT;
END
$$;
