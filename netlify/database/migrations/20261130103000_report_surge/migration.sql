-- A campaign-wide surge guard: when more reports arrive in ten minutes than the campaign expects
-- (REPORTS_SURGE_LIMIT), further ones are stored with the reason 'surge' and held for review, so a
-- bot spread over many addresses cannot inflate the public tally, and nothing it sends is lost.
ALTER TABLE reports DROP CONSTRAINT reports_review_reasons_check;
ALTER TABLE reports ADD CONSTRAINT reports_review_reasons_check
  CHECK (review_reasons <@ ARRAY['honeypot', 'too-fast', 'surge']::text[]);

-- The guard counts the last ten minutes of reports on every insert.
CREATE INDEX reports_received_at ON reports (received_at);
