ALTER TABLE "movie" ADD COLUMN "certification" text;--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_certification_length" CHECK (length(btrim("movie"."certification")) between 1 and 20);--> statement-breakpoint
-- A movie's director is its crew's Directing / Director credit too (as the TMDB import, the demo
-- seed and the API keep them since 0015): movies written before get theirs.
INSERT INTO crew_credit (movie_id, person_id, department_id, job)
SELECT m.movie_id, m.director_id, d.department_id, 'Director' FROM movie m JOIN department d ON d.name = 'Directing'
WHERE m.director_id IS NOT NULL
ON CONFLICT (movie_id, person_id, department_id, job) DO NOTHING;
--> statement-breakpoint
-- From now on a trigger keeps it so for every writer: a movie's new director gets the credit, the
-- one replaced loses it (a co-director keeps theirs by being credited again). The TMDB import,
-- which writes each movie's crew exactly as its source has it, says so (moviedb.crew_from_source)
-- and is left alone.
CREATE FUNCTION movie_director_credit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('moviedb.crew_from_source', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.director_id IS NOT NULL THEN
    DELETE FROM crew_credit c USING department d
    WHERE c.movie_id = NEW.movie_id AND c.person_id = OLD.director_id AND c.job = 'Director'
      AND c.department_id = d.department_id AND d.name = 'Directing';
  END IF;
  IF NEW.director_id IS NOT NULL THEN
    INSERT INTO crew_credit (movie_id, person_id, department_id, job)
    SELECT NEW.movie_id, NEW.director_id, department_id, 'Director' FROM department WHERE name = 'Directing'
    ON CONFLICT (movie_id, person_id, department_id, job) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER movie_director_credit_insert AFTER INSERT ON movie FOR EACH ROW WHEN (NEW.director_id IS NOT NULL)
  EXECUTE FUNCTION movie_director_credit();
--> statement-breakpoint
CREATE TRIGGER movie_director_credit_update AFTER UPDATE OF director_id ON movie FOR EACH ROW
  WHEN (NEW.director_id IS DISTINCT FROM OLD.director_id) EXECUTE FUNCTION movie_director_credit();
