-- Action reports and the public tally. Limits mirror src/lib/reports/schema.ts (reportLimits);
-- channel and official names come from content, so they are checked for shape here, not listed.

-- Counts per channel: an object of whole numbers from 0 to 50 (reportLimits.perChannel).
CREATE FUNCTION report_counts_valid(counts jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN jsonb_typeof(counts) <> 'object' THEN false ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_each(counts) AS c(channel, n)
    WHERE channel !~ '^[a-z][a-z-]{0,30}$'
       OR jsonb_typeof(n) <> 'number'
       OR (n #>> '{}')::numeric <> trunc((n #>> '{}')::numeric)
       OR (n #>> '{}')::numeric NOT BETWEEN 0 AND 50
  ) END
$$;

-- Sum of a counts object, or -1 when it is malformed, so the CHECK below refuses it cleanly.
CREATE FUNCTION report_counts_total(counts jsonb) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN report_counts_valid(counts)
    THEN (SELECT coalesce(sum((value #>> '{}')::integer), 0)::integer FROM jsonb_each(counts))
    ELSE -1 END
$$;

-- One row per report, keyed by the id the browser made, so a retried report is stored once.
-- Nothing here identifies a supporter: no address, name or email.
CREATE TABLE reports (
  id uuid PRIMARY KEY,
  targets text[] NOT NULL
    CHECK (cardinality(targets) BETWEEN 1 AND 20
       AND array_to_string(targets, ',') ~ '^[a-z0-9][a-z0-9-]{0,62}(,[a-z0-9][a-z0-9-]{0,62})*$'),
  counts jsonb NOT NULL CHECK (report_counts_valid(counts)),
  -- 1 to 100 actions in all (reportLimits.perReport); derived so it cannot disagree with counts.
  actions integer NOT NULL GENERATED ALWAYS AS (report_counts_total(counts)) STORED CHECK (actions BETWEEN 1 AND 100),
  language text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  -- Why the report is held back for an organizer: a filled honeypot or a form sent too fast.
  review_reasons text[] NOT NULL DEFAULT '{}' CHECK (review_reasons <@ ARRAY['honeypot', 'too-fast']::text[]),
  suspicious boolean GENERATED ALWAYS AS (cardinality(review_reasons) > 0) STORED,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reports_suspicious ON reports (received_at) WHERE suspicious;

-- The public tally, kept current by the trigger below in the same statement as each insert, so
-- reading it costs the same with ten reports or ten million.
--   dimension 'all':     key '' (totals of the campaign)
--   dimension 'channel': key is the channel; actions on it, reports that used it
--   dimension 'target':  key is the official; reports that name them, and those reports' actions
CREATE TABLE tally (
  dimension text NOT NULL CHECK (dimension IN ('all', 'channel', 'target')),
  key text NOT NULL CHECK ((dimension = 'all') = (key = '')),
  actions bigint NOT NULL DEFAULT 0 CHECK (actions >= 0),
  reports bigint NOT NULL DEFAULT 0 CHECK (reports >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dimension, key)
);

INSERT INTO tally (dimension, key) VALUES ('all', '');

CREATE FUNCTION tally_report() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are locked in one fixed order (dimension, key) so concurrent reports cannot deadlock.
  INSERT INTO tally AS t (dimension, key, actions, reports, updated_at)
  SELECT dimension, key, actions, 1, now() FROM (
    SELECT 'all' AS dimension, '' AS key, NEW.actions::bigint AS actions
    UNION ALL
    SELECT 'channel', c.channel, (c.n #>> '{}')::bigint FROM jsonb_each(NEW.counts) AS c(channel, n)
    WHERE (c.n #>> '{}')::integer > 0
    UNION ALL
    SELECT 'target', target, NEW.actions::bigint FROM unnest(NEW.targets) AS target
  ) AS additions
  ORDER BY dimension, key
  ON CONFLICT (dimension, key) DO UPDATE
    SET actions = t.actions + excluded.actions, reports = t.reports + excluded.reports, updated_at = excluded.updated_at;
  RETURN NULL;
END
$$;

-- Reports held for review stay out of the public tally.
CREATE TRIGGER reports_tally AFTER INSERT ON reports
FOR EACH ROW WHEN (NOT NEW.suspicious) EXECUTE FUNCTION tally_report();

-- Reports per client per window, for the rate limit. The key is an HMAC of the window and the
-- client address with a secret salt: the address is never stored and windows cannot be linked.
CREATE TABLE report_rate_limits (
  client_hash text NOT NULL CHECK (client_hash ~ '^[0-9a-f]{64}$'),
  window_start timestamptz NOT NULL,
  reports integer NOT NULL DEFAULT 1 CHECK (reports > 0),
  PRIMARY KEY (client_hash, window_start)
);

CREATE INDEX report_rate_limits_window ON report_rate_limits (window_start);
