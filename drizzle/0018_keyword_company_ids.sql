DROP INDEX "movie_popularity_score_idx";--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "keyword_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "company_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
-- The planner's statistics of the two lists: the 10,000 most common ids (the default, 1,000, took a
-- keyword of 500 movies out of a million for a rare one, and read it along the sort's index).
ALTER TABLE "movie" ALTER COLUMN "keyword_ids" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "movie" ALTER COLUMN "company_ids" SET STATISTICS 1000;--> statement-breakpoint
UPDATE movie m SET keyword_ids = k.ids
FROM (SELECT movie_id, array_agg(keyword_id ORDER BY keyword_id) AS ids FROM movie_keyword GROUP BY movie_id) k
WHERE m.movie_id = k.movie_id;
--> statement-breakpoint
UPDATE movie m SET company_ids = c.ids
FROM (SELECT movie_id, array_agg(company_id ORDER BY company_id) AS ids FROM movie_company GROUP BY movie_id) c
WHERE m.movie_id = c.movie_id;
--> statement-breakpoint
CREATE INDEX "movie_keyword_ids_idx" ON "movie" USING gin ("keyword_ids") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "movie_company_ids_idx" ON "movie" USING gin ("company_ids") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "movie_popularity_score_idx" ON "movie" USING btree ("popularity_score","movie_id","genre_ids","release_date","country_id","original_language","keyword_ids","company_ids");
--> statement-breakpoint
-- movie.keyword_ids and movie.company_ids: the movie's ids, sorted, recomputed for the movies a
-- statement touched, as refresh_movie_genre_ids does (movies locked in id order first). Called by
-- the triggers that keep keyword.movies_count and company.movies_count (drizzle/0016), after the
-- counts: one trigger a statement, not two. One function for both lists: `list` is the movie's
-- column, `link` the link table, `link_id` its id column.
CREATE FUNCTION refresh_movie_id_list(list text, link text, link_id text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'SELECT 1 FROM movie WHERE movie_id = ANY ($1) ORDER BY movie_id FOR NO KEY UPDATE' USING ids;
  EXECUTE format($sql$
    UPDATE movie m SET %1$I = l.ids
    FROM (
      SELECT x.id, coalesce((SELECT array_agg(t.%3$I ORDER BY t.%3$I) FROM %2$I t WHERE t.movie_id = x.id), '{}'::integer[]) AS ids
      FROM unnest($1) AS x(id)
    ) l
    WHERE m.movie_id = l.id AND m.%1$I IS DISTINCT FROM l.ids
  $sql$, list, link, link_id) USING ids;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION movie_keyword_counted() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_movie_id_list('keyword_ids', 'movie_keyword', 'keyword_id', ARRAY(SELECT DISTINCT movie_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_movie_id_list('keyword_ids', 'movie_keyword', 'keyword_id', ARRAY(SELECT DISTINCT movie_id FROM old_rows));
  ELSE
    PERFORM refresh_movie_id_list('keyword_ids', 'movie_keyword', 'keyword_id', ARRAY(SELECT movie_id FROM old_rows UNION SELECT movie_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION movie_company_counted() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_movie_id_list('company_ids', 'movie_company', 'company_id', ARRAY(SELECT DISTINCT movie_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_movie_id_list('company_ids', 'movie_company', 'company_id', ARRAY(SELECT DISTINCT movie_id FROM old_rows));
  ELSE
    PERFORM refresh_movie_id_list('company_ids', 'movie_company', 'company_id', ARRAY(SELECT movie_id FROM old_rows UNION SELECT movie_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
