ALTER TABLE "company" ADD COLUMN "movies_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "keyword" ADD COLUMN "movies_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "company_movies_count_idx" ON "company" USING btree ("movies_count","company_id");--> statement-breakpoint
CREATE INDEX "keyword_movies_count_idx" ON "keyword" USING btree ("movies_count","keyword_id");--> statement-breakpoint
UPDATE keyword k SET movies_count = c.n FROM (SELECT keyword_id, count(*)::int AS n FROM movie_keyword GROUP BY keyword_id) c
WHERE k.keyword_id = c.keyword_id;
--> statement-breakpoint
UPDATE company co SET movies_count = c.n FROM (SELECT company_id, count(*)::int AS n FROM movie_company GROUP BY company_id) c
WHERE co.company_id = c.company_id;
--> statement-breakpoint
-- keyword.movies_count and company.movies_count: added and taken away by the statement's rows, as
-- movie.favorites_count is. The rows are locked in id order first, so that two writers touching the
-- same keywords in another order wait for each other instead of deadlocking.
CREATE FUNCTION movie_keyword_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM 1 FROM keyword WHERE keyword_id IN (SELECT keyword_id FROM old_rows) ORDER BY keyword_id FOR NO KEY UPDATE;
    UPDATE keyword k SET movies_count = k.movies_count - d.n
      FROM (SELECT keyword_id, count(*)::int AS n FROM old_rows GROUP BY keyword_id) d WHERE k.keyword_id = d.keyword_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM 1 FROM keyword WHERE keyword_id IN (SELECT keyword_id FROM new_rows) ORDER BY keyword_id FOR NO KEY UPDATE;
    UPDATE keyword k SET movies_count = k.movies_count + d.n
      FROM (SELECT keyword_id, count(*)::int AS n FROM new_rows GROUP BY keyword_id) d WHERE k.keyword_id = d.keyword_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER movie_keyword_inserted AFTER INSERT ON movie_keyword REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_keyword_counted();
--> statement-breakpoint
CREATE TRIGGER movie_keyword_deleted AFTER DELETE ON movie_keyword REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_keyword_counted();
--> statement-breakpoint
CREATE TRIGGER movie_keyword_updated AFTER UPDATE ON movie_keyword REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_keyword_counted();
--> statement-breakpoint
CREATE FUNCTION movie_company_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM 1 FROM company WHERE company_id IN (SELECT company_id FROM old_rows) ORDER BY company_id FOR NO KEY UPDATE;
    UPDATE company co SET movies_count = co.movies_count - d.n
      FROM (SELECT company_id, count(*)::int AS n FROM old_rows GROUP BY company_id) d WHERE co.company_id = d.company_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM 1 FROM company WHERE company_id IN (SELECT company_id FROM new_rows) ORDER BY company_id FOR NO KEY UPDATE;
    UPDATE company co SET movies_count = co.movies_count + d.n
      FROM (SELECT company_id, count(*)::int AS n FROM new_rows GROUP BY company_id) d WHERE co.company_id = d.company_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER movie_company_inserted AFTER INSERT ON movie_company REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_company_counted();
--> statement-breakpoint
CREATE TRIGGER movie_company_deleted AFTER DELETE ON movie_company REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_company_counted();
--> statement-breakpoint
CREATE TRIGGER movie_company_updated AFTER UPDATE ON movie_company REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_company_counted();
