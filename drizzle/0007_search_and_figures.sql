-- The derived columns of 0006, kept by the database on every write, whoever writes (the API, the
-- importers, psql). Hand-written; never regenerated. Each part ends by filling the column for the
-- rows already there, so an existing catalogue upgrades in place.

-- Search keys: text lowercased and without accents, the way people type it.
CREATE FUNCTION search_key(value text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT lower(unaccent(coalesce(value, '')))
$$;
--> statement-breakpoint
-- The words of a key, as full-text lexemes (the 'simple' configuration: no stemming, no stop words).
CREATE FUNCTION search_document(key text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, key)
$$;
--> statement-breakpoint
-- Every word goes into the dictionary that misspelt search words are corrected against.
CREATE FUNCTION remember_search_words(document tsvector) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_word (word)
  SELECT lexeme FROM unnest(document) WHERE length(lexeme) >= 3
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
CREATE FUNCTION movie_set_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.title_key := search_key(NEW.title);
  NEW.title_document := search_document(NEW.title_key);
  PERFORM remember_search_words(NEW.title_document);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER movie_set_search_keys BEFORE INSERT OR UPDATE OF title ON movie
  FOR EACH ROW EXECUTE FUNCTION movie_set_search_keys();
--> statement-breakpoint
-- The name sort is by last name, then first name: "last" \x01 "first" sorts that way, and a
-- one-word name (empty last name) first, as the tuple would.
CREATE FUNCTION person_set_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_key := search_key(btrim(NEW.first_name || ' ' || NEW.last_name));
  NEW.sort_key := search_key(NEW.last_name) || chr(1) || search_key(NEW.first_name);
  NEW.name_document := search_document(NEW.name_key);
  PERFORM remember_search_words(NEW.name_document);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_set_search_keys BEFORE INSERT OR UPDATE OF first_name, last_name ON person
  FOR EACH ROW EXECUTE FUNCTION person_set_search_keys();
--> statement-breakpoint
UPDATE movie SET title = title;
--> statement-breakpoint
UPDATE person SET first_name = first_name;
--> statement-breakpoint

-- updated_at moves when what a client sees of the row changes, not when a derived column does
-- (a favorite added elsewhere is not an edit of the movie). New columns join these lists.
DROP TRIGGER movie_set_updated_at ON movie;
--> statement-breakpoint
CREATE TRIGGER movie_set_updated_at BEFORE UPDATE OF
  title, description, budget, release_date, duration, director_id, country_id, poster_file_id, tmdb_id, created_at
  ON movie FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
DROP TRIGGER person_set_updated_at ON person;
--> statement-breakpoint
CREATE TRIGGER person_set_updated_at BEFORE UPDATE OF
  first_name, last_name, biography, birth_date, gender, country_id, photo_id, tmdb_id, created_at
  ON person FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint

-- movie.genre_ids: the movie's genres, sorted, for the genre filters (carried in every sort index). The movies are
-- locked before they are recounted, so two writers cannot each write a stale list.
CREATE FUNCTION refresh_movie_genre_ids(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'SELECT 1 FROM movie WHERE movie_id = ANY ($1) ORDER BY movie_id FOR NO KEY UPDATE' USING ids;
  -- Planned on every call, as refresh_person_figures.
  EXECUTE $sql$
    UPDATE movie m SET genre_ids = g.ids
    FROM (
      SELECT x.id, coalesce((SELECT array_agg(mg.genre_id ORDER BY mg.genre_id) FROM movie_genre mg WHERE mg.movie_id = x.id),
        '{}'::integer[]) AS ids
      FROM unnest($1) AS x(id)
    ) g
    WHERE m.movie_id = g.id AND m.genre_ids IS DISTINCT FROM g.ids
  $sql$ USING ids;
END
$$;
--> statement-breakpoint
CREATE FUNCTION movie_genre_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_movie_genre_ids(ARRAY(SELECT DISTINCT movie_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_movie_genre_ids(ARRAY(SELECT DISTINCT movie_id FROM old_rows));
  ELSE
    PERFORM refresh_movie_genre_ids(ARRAY(SELECT movie_id FROM old_rows UNION SELECT movie_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER movie_genre_inserted AFTER INSERT ON movie_genre REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_genre_changed();
--> statement-breakpoint
CREATE TRIGGER movie_genre_deleted AFTER DELETE ON movie_genre REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_genre_changed();
--> statement-breakpoint
CREATE TRIGGER movie_genre_updated AFTER UPDATE ON movie_genre REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_genre_changed();
--> statement-breakpoint
UPDATE movie m SET genre_ids = g.ids
FROM (SELECT movie_id, array_agg(genre_id ORDER BY genre_id) AS ids FROM movie_genre GROUP BY movie_id) g
WHERE m.movie_id = g.movie_id;
--> statement-breakpoint

-- movie.favorites_count: added and taken away (not recounted), which stays right when many users
-- favorite one movie at once: each change waits for the row and adds its own difference.
CREATE FUNCTION favorite_movies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE movie m SET favorites_count = m.favorites_count + d.n
    FROM (SELECT movie_id, count(*)::int AS n FROM new_rows GROUP BY movie_id ORDER BY movie_id) d WHERE m.movie_id = d.movie_id;
  ELSE
    UPDATE movie m SET favorites_count = m.favorites_count - d.n
    FROM (SELECT movie_id, count(*)::int AS n FROM old_rows GROUP BY movie_id ORDER BY movie_id) d WHERE m.movie_id = d.movie_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER favorite_movies_inserted AFTER INSERT ON favorite_movies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION favorite_movies_changed();
--> statement-breakpoint
CREATE TRIGGER favorite_movies_deleted AFTER DELETE ON favorite_movies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION favorite_movies_changed();
--> statement-breakpoint
UPDATE movie m SET favorites_count = f.n
FROM (SELECT movie_id, count(*)::int AS n FROM favorite_movies GROUP BY movie_id) f
WHERE m.movie_id = f.movie_id;
--> statement-breakpoint

-- A person's figures, recounted from the credits: the distinct movies they play in and the sum of
-- those movies' known budgets; the movies they direct and the average of the known budgets. The
-- people are locked first, so the recount sees every change committed before it.
CREATE FUNCTION refresh_person_figures(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  EXECUTE 'SELECT 1 FROM person WHERE person_id = ANY ($1) ORDER BY person_id FOR NO KEY UPDATE' USING ids;
  -- EXECUTE plans the statement on every call, with the tables' statistics of the moment: a plan
  -- cached while an import's tables were still empty would read whole tables once they are full.
  -- Each count starts from the person's own credits (actor_roles by actor, movies by director).
  EXECUTE $sql$
    UPDATE person p SET
      movies_acted = f.movies_acted,
      acting_budget_total = f.acting_budget_total,
      movies_directed = f.movies_directed,
      directing_budget_average = f.directing_budget_average
    FROM (
      SELECT x.id, acted.movies_acted, acted.acting_budget_total, directed.movies_directed, directed.directing_budget_average
      FROM (SELECT DISTINCT id FROM unnest($1) AS u(id) WHERE id IS NOT NULL) AS x
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS movies_acted, coalesce(sum(mv.budget), 0) AS acting_budget_total
        FROM (SELECT DISTINCT ch.movie_id FROM actor_roles ar JOIN "character" ch ON ch.character_id = ar.character_id
              WHERE ar.actor_id = x.id) AS played
        JOIN movie mv ON mv.movie_id = played.movie_id
      ) AS acted
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS movies_directed, round(avg(mv.budget), 2) AS directing_budget_average
        FROM movie mv WHERE mv.director_id = x.id
      ) AS directed
    ) AS f
    WHERE p.person_id = f.id
      AND (p.movies_acted, p.acting_budget_total, p.movies_directed, p.directing_budget_average)
        IS DISTINCT FROM (f.movies_acted, f.acting_budget_total, f.movies_directed, f.directing_budget_average)
  $sql$ USING ids;
END
$$;
--> statement-breakpoint
-- movie.actors_count: the distinct people who play in the movie, recounted (movies locked first).
CREATE FUNCTION refresh_movie_actors_count(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  EXECUTE 'SELECT 1 FROM movie WHERE movie_id = ANY ($1) ORDER BY movie_id FOR NO KEY UPDATE' USING ids;
  -- Planned on every call, as refresh_person_figures.
  EXECUTE $sql$
    UPDATE movie m SET actors_count = c.n
    FROM (
      SELECT x.id, (SELECT count(DISTINCT ar.actor_id)::int FROM "character" ch
        JOIN actor_roles ar ON ar.character_id = ch.character_id WHERE ch.movie_id = x.id) AS n
      FROM (SELECT DISTINCT id FROM unnest($1) AS u(id) WHERE id IS NOT NULL) AS x
    ) c
    WHERE m.movie_id = c.id AND m.actors_count <> c.n
  $sql$ USING ids;
END
$$;
--> statement-breakpoint
-- The people's figures first, then the movies' counts: every writer locks people before movies.
-- Rows of a deleted character find no movie here; the character's own trigger recounts its movie.
CREATE FUNCTION actor_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT actor_id FROM new_rows));
    PERFORM refresh_movie_actors_count(ARRAY(
      SELECT DISTINCT ch.movie_id FROM new_rows n JOIN "character" ch ON ch.character_id = n.character_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT actor_id FROM old_rows));
    PERFORM refresh_movie_actors_count(ARRAY(
      SELECT DISTINCT ch.movie_id FROM old_rows o JOIN "character" ch ON ch.character_id = o.character_id));
  ELSE
    PERFORM refresh_person_figures(ARRAY(SELECT actor_id FROM old_rows UNION SELECT actor_id FROM new_rows));
    PERFORM refresh_movie_actors_count(ARRAY(
      SELECT ch.movie_id FROM old_rows o JOIN "character" ch ON ch.character_id = o.character_id
      UNION SELECT ch.movie_id FROM new_rows n JOIN "character" ch ON ch.character_id = n.character_id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER actor_roles_inserted AFTER INSERT ON actor_roles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION actor_roles_changed();
--> statement-breakpoint
CREATE TRIGGER actor_roles_deleted AFTER DELETE ON actor_roles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION actor_roles_changed();
--> statement-breakpoint
CREATE TRIGGER actor_roles_updated AFTER UPDATE ON actor_roles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION actor_roles_changed();
--> statement-breakpoint
-- A character moved to another movie changes what its performers play in, and both casts.
CREATE FUNCTION character_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_person_figures(ARRAY(
    SELECT DISTINCT ar.actor_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id
    JOIN actor_roles ar ON ar.character_id = n.character_id
    WHERE n.movie_id IS DISTINCT FROM o.movie_id));
  PERFORM refresh_movie_actors_count(ARRAY(
    SELECT o.movie_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id WHERE n.movie_id IS DISTINCT FROM o.movie_id
    UNION
    SELECT n.movie_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id WHERE n.movie_id IS DISTINCT FROM o.movie_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER character_moved AFTER UPDATE ON "character" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION character_moved();
--> statement-breakpoint
-- A deleted character takes its performers out of its movie's cast (their actor_roles rows go
-- with it, after it, when its movie can no longer be found from them).
CREATE FUNCTION character_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_movie_actors_count(ARRAY(SELECT DISTINCT movie_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER character_deleted AFTER DELETE ON "character" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION character_deleted();
--> statement-breakpoint
-- A movie's budget counts for its cast and its director; its director's figures follow the movie.
CREATE FUNCTION movie_credits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT director_id FROM new_rows WHERE director_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT director_id FROM old_rows WHERE director_id IS NOT NULL));
  ELSE
    PERFORM refresh_person_figures(ARRAY(
      SELECT o.director_id FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
        WHERE o.budget IS DISTINCT FROM n.budget OR o.director_id IS DISTINCT FROM n.director_id
      UNION
      SELECT n.director_id FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
        WHERE o.budget IS DISTINCT FROM n.budget OR o.director_id IS DISTINCT FROM n.director_id
      UNION
      SELECT ar.actor_id FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
        JOIN "character" ch ON ch.movie_id = n.movie_id JOIN actor_roles ar ON ar.character_id = ch.character_id
        WHERE o.budget IS DISTINCT FROM n.budget));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER movie_inserted AFTER INSERT ON movie REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_credits_changed();
--> statement-breakpoint
CREATE TRIGGER movie_deleted AFTER DELETE ON movie REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_credits_changed();
--> statement-breakpoint
CREATE TRIGGER movie_updated AFTER UPDATE ON movie REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_credits_changed();
--> statement-breakpoint
SELECT refresh_person_figures(ARRAY(SELECT person_id FROM person));
--> statement-breakpoint
SELECT refresh_movie_actors_count(ARRAY(SELECT movie_id FROM movie));
