-- Organizers release a held report after review by clearing its reasons:
--   UPDATE reports SET review_reasons = '{}' WHERE id = '…';
-- The tally then counts it, in the same statement, through the same function as a new report.
CREATE TRIGGER reports_tally_release AFTER UPDATE OF review_reasons ON reports
FOR EACH ROW WHEN (OLD.suspicious AND NOT NEW.suspicious) EXECUTE FUNCTION tally_report();

-- The other way round would leave the tally counting a report it no longer shows: refuse it.
CREATE FUNCTION reports_keep_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Report % is already in the tally and cannot be held back.', OLD.id;
END
$$;

CREATE TRIGGER reports_keep_counted BEFORE UPDATE OF review_reasons ON reports
FOR EACH ROW WHEN (NOT OLD.suspicious AND cardinality(NEW.review_reasons) > 0) EXECUTE FUNCTION reports_keep_counted();
