-- Organizers decide held reports both ways (tools/desk.ts): release a genuine one into the tally, or
-- reject one for good. A rejected report is kept for the record, never counted, never listed as held.
ALTER TABLE reports ADD COLUMN rejected_at timestamptz;

-- Only a held report can be rejected: a counted one is in the tally, which never takes a report back.
ALTER TABLE reports ADD CONSTRAINT reports_rejected_held CHECK (rejected_at IS NULL OR cardinality(review_reasons) > 0);

-- The review queue: held reports nobody has rejected yet.
CREATE INDEX reports_held ON reports (received_at) WHERE suspicious AND rejected_at IS NULL;

-- Releasing a rejected report would count what an organizer ruled out: refuse it with a clear message
-- (the CHECK above would refuse it too, in words meant for a developer).
CREATE FUNCTION reports_keep_rejected() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Report % was rejected at % and cannot be released.', OLD.id, OLD.rejected_at
    USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER reports_keep_rejected BEFORE UPDATE OF review_reasons ON reports
FOR EACH ROW WHEN (OLD.rejected_at IS NOT NULL AND cardinality(NEW.review_reasons) = 0) EXECUTE FUNCTION reports_keep_rejected();

-- The tally as the rows give it, summed per dimension and key: the one definition the recount
-- writes and the desk compares the tally with.
CREATE VIEW tally_from_reports AS
SELECT c.dimension, c.key, sum(c.actions)::bigint AS actions, count(*)::bigint AS reports, min(r.received_at) AS first_at
FROM reports AS r CROSS JOIN LATERAL report_contributions(r) AS c
WHERE NOT r.suspicious
GROUP BY c.dimension, c.key;

-- Same rebuild as before, from the view.
CREATE OR REPLACE FUNCTION tally_recount() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE reports IN SHARE MODE;
  LOCK TABLE tally IN EXCLUSIVE MODE;
  DELETE FROM tally;
  INSERT INTO tally (dimension, key, shard, actions, reports, first_at, updated_at)
  SELECT dimension, key, 0, actions, reports, first_at, now() FROM tally_from_reports;
  INSERT INTO tally (dimension, key) VALUES ('all', '') ON CONFLICT DO NOTHING;
END
$$;
