-- The appeal invites supporters to write in their own language: a report may say it was written in
-- a language the site does not publish ('other'), as src/lib/reports/schema.ts (reportLanguages) allows.
ALTER TABLE reports DROP CONSTRAINT reports_language_check;
ALTER TABLE reports ADD CONSTRAINT reports_language_check CHECK (language ~ '^[a-z]{2}$' OR language = 'other');
