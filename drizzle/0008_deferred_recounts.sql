CREATE TABLE "pending_recount" (
	"kind" text NOT NULL,
	"id" integer NOT NULL,
	CONSTRAINT "pending_recount_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint

-- A bulk writer may put recounts off: with the setting moviedb.defer_recounts 'on' (for its own
-- transaction: set_config(..., true)), the triggers note which people and movies need a recount in
-- pending_recount instead of recounting them batch after batch, and flush_pending_recounts() does
-- them all at once. The recounts themselves are those of 0007, renamed.
ALTER FUNCTION refresh_person_figures(integer[]) RENAME TO recount_person_figures;
--> statement-breakpoint
ALTER FUNCTION refresh_movie_actors_count(integer[]) RENAME TO recount_movie_actors_count;
--> statement-breakpoint
CREATE FUNCTION recounts_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('moviedb.defer_recounts', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_person_figures(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF recounts_deferred() THEN
    INSERT INTO pending_recount (kind, id) SELECT 'person', u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL
      ON CONFLICT DO NOTHING;
  ELSE
    PERFORM recount_person_figures(ids);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_movie_actors_count(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF recounts_deferred() THEN
    INSERT INTO pending_recount (kind, id) SELECT 'movie', u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL
      ON CONFLICT DO NOTHING;
  ELSE
    PERFORM recount_movie_actors_count(ids);
  END IF;
END
$$;
--> statement-breakpoint
-- Every put-off recount, people before movies (the order every writer locks them in); returns how
-- many rows it recounted. Safe to run at any time and from many sessions at once.
CREATE FUNCTION flush_pending_recounts() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  persons integer[];
  movies integer[];
BEGIN
  WITH taken AS (DELETE FROM pending_recount WHERE kind = 'person' RETURNING id)
    SELECT array_agg(id ORDER BY id) INTO persons FROM taken;
  WITH taken AS (DELETE FROM pending_recount WHERE kind = 'movie' RETURNING id)
    SELECT array_agg(id ORDER BY id) INTO movies FROM taken;
  PERFORM recount_person_figures(persons);
  PERFORM recount_movie_actors_count(movies);
  RETURN coalesce(cardinality(persons), 0) + coalesce(cardinality(movies), 0);
END
$$;
