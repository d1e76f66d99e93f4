-- Search ranking's derived data (docs/search.md), kept by the database on every write, whoever
-- writes (the API, the importers, psql). Hand-written; never regenerated.
-- - movie.original_title_key, and the original title's words in title_document;
-- - person.search_weight, recounted with the person's other figures;
-- - the postings (movie_search_word, person_search_word): every word with its row's weight;
-- - search_word.weight, a completion's order.
-- Levenshtein distance (fuzzystrmatch) corrects a typo that trigrams miss ("deep" for "depp").
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint

-- The title's words and the original title's: a search for "Le fabuleux destin" finds Amélie.
CREATE OR REPLACE FUNCTION movie_set_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.title_key := search_key(NEW.title);
  NEW.original_title_key := search_key(NEW.original_title);
  NEW.title_document := search_document(NEW.title_key) || search_document(NEW.original_title_key);
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER movie_set_search_keys ON movie;
--> statement-breakpoint
CREATE TRIGGER movie_set_search_keys BEFORE INSERT OR UPDATE OF title, original_title ON movie
  FOR EACH ROW EXECUTE FUNCTION movie_set_search_keys();
--> statement-breakpoint
-- The dictionary's words come with the postings now (remember_search_words below).
CREATE OR REPLACE FUNCTION person_set_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_key := search_key(btrim(NEW.first_name || ' ' || NEW.last_name));
  NEW.sort_key := search_key(NEW.last_name) || chr(1) || search_key(NEW.first_name);
  NEW.name_document := search_document(NEW.name_key);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- original_title is not among the columns that move updated_at: filling the new key is no edit.
UPDATE movie SET original_title = original_title;
--> statement-breakpoint

-- A person's search weight: for each movie they are credited in, one plus its votes, counted in
-- full for a key credit (billed in the first ten, or a leading part where the billing is not
-- known; directing, writing, the music, the photography), a tenth otherwise. A surname typed
-- alone then finds its best-known holder, not its most prolific extra.
CREATE OR REPLACE FUNCTION recount_person_figures(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  EXECUTE 'SELECT 1 FROM person WHERE person_id = ANY ($1) ORDER BY person_id FOR NO KEY UPDATE' USING ids;
  -- Planned on every call (see 0007): a plan cached on an import's empty tables reads whole tables later.
  EXECUTE $sql$
    UPDATE person p SET
      movies_acted = f.movies_acted,
      acting_budget_total = f.acting_budget_total,
      movies_directed = f.movies_directed,
      directing_budget_average = f.directing_budget_average,
      search_weight = f.search_weight
    FROM (
      SELECT x.id, acted.movies_acted, acted.acting_budget_total, directed.movies_directed, directed.directing_budget_average,
        known.search_weight
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
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(CASE WHEN credited.key THEN 1 ELSE 0.1 END * (1 + coalesce(mv.vote_count, 0))), 0)::float8 AS search_weight
        FROM (
          SELECT c.movie_id, bool_or(c.key) AS key FROM (
            SELECT ch.movie_id, coalesce(ch.billing_order < 10, ch.role = 'leading') AS key
            FROM actor_roles ar JOIN "character" ch ON ch.character_id = ar.character_id WHERE ar.actor_id = x.id
            UNION ALL
            SELECT cc.movie_id, cc.job IN ('Director', 'Screenplay', 'Writer', 'Novel', 'Author', 'Story',
              'Original Music Composer', 'Music', 'Director of Photography')
            FROM crew_credit cc WHERE cc.person_id = x.id
          ) AS c GROUP BY c.movie_id
        ) AS credited
        JOIN movie mv ON mv.movie_id = credited.movie_id
      ) AS known
    ) AS f
    WHERE p.person_id = f.id
      AND (p.movies_acted, p.acting_budget_total, p.movies_directed, p.directing_budget_average, p.search_weight)
        IS DISTINCT FROM (f.movies_acted, f.acting_budget_total, f.movies_directed, f.directing_budget_average, f.search_weight)
  $sql$ USING ids;
END
$$;
--> statement-breakpoint
-- A crew credit added, removed or changed moves its person's weight.
CREATE FUNCTION crew_credit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  ELSE
    PERFORM refresh_person_figures(ARRAY(SELECT person_id FROM old_rows UNION SELECT person_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER crew_credit_inserted AFTER INSERT ON crew_credit REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crew_credit_changed();
--> statement-breakpoint
CREATE TRIGGER crew_credit_deleted AFTER DELETE ON crew_credit REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crew_credit_changed();
--> statement-breakpoint
CREATE TRIGGER crew_credit_updated AFTER UPDATE ON crew_credit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crew_credit_changed();
--> statement-breakpoint
-- A character moved to another movie changes what its performers play in, and both casts; a new
-- billing or part changes whether it is a key credit.
CREATE OR REPLACE FUNCTION character_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_person_figures(ARRAY(
    SELECT DISTINCT ar.actor_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id
    JOIN actor_roles ar ON ar.character_id = n.character_id
    WHERE (n.movie_id, n.billing_order, n.role) IS DISTINCT FROM (o.movie_id, o.billing_order, o.role)));
  PERFORM refresh_movie_actors_count(ARRAY(
    SELECT o.movie_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id WHERE n.movie_id IS DISTINCT FROM o.movie_id
    UNION
    SELECT n.movie_id FROM new_rows n JOIN old_rows o ON o.character_id = n.character_id WHERE n.movie_id IS DISTINCT FROM o.movie_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A movie's budget counts for its cast and its director; its votes for everyone credited in it.
CREATE OR REPLACE FUNCTION movie_credits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
        WHERE o.budget IS DISTINCT FROM n.budget OR o.vote_count IS DISTINCT FROM n.vote_count
      UNION
      SELECT cc.person_id FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
        JOIN crew_credit cc ON cc.movie_id = n.movie_id
        WHERE o.vote_count IS DISTINCT FROM n.vote_count));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
SELECT recount_person_figures(ARRAY(SELECT person_id FROM person));
--> statement-breakpoint

-- The dictionary keeps, for each word, the highest weight it has been seen with. Only words whose
-- weight rises are written: rewriting (and locking) a common word's row on every favorite would
-- make every writer of a movie with "the" in its title wait for the others.
DROP FUNCTION remember_search_words(tsvector);
--> statement-breakpoint
CREATE FUNCTION remember_search_words(document tsvector, seen_weight float8) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_word AS s (word, weight)
  SELECT d.lexeme, seen_weight FROM unnest(document) AS d
  WHERE length(d.lexeme) >= 3 AND NOT EXISTS (SELECT 1 FROM search_word k WHERE k.word = d.lexeme AND k.weight >= seen_weight)
  ORDER BY d.lexeme
  ON CONFLICT (word) DO UPDATE SET weight = excluded.weight WHERE s.weight < excluded.weight
$$;
--> statement-breakpoint
-- A movie's postings follow its words and its weight (votes, favorites).
CREATE FUNCTION movie_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.title_document = OLD.title_document THEN
    IF NEW.search_weight IS DISTINCT FROM OLD.search_weight THEN
      UPDATE movie_search_word SET weight = NEW.search_weight WHERE movie_id = NEW.movie_id;
      PERFORM remember_search_words(NEW.title_document, NEW.search_weight);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM movie_search_word WHERE movie_id = NEW.movie_id;
  END IF;
  INSERT INTO movie_search_word (movie_id, word, weight)
    SELECT NEW.movie_id, d.lexeme, NEW.search_weight FROM unnest(NEW.title_document) AS d;
  PERFORM remember_search_words(NEW.title_document, NEW.search_weight);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER movie_search_words AFTER INSERT OR UPDATE OF title, original_title, vote_count, favorites_count ON movie
  FOR EACH ROW EXECUTE FUNCTION movie_search_words_changed();
--> statement-breakpoint
-- A person's postings follow their name's words (which of them are the last name's) and weight.
CREATE FUNCTION person_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.name_document = OLD.name_document AND NEW.sort_key = OLD.sort_key THEN
    IF NEW.search_weight IS DISTINCT FROM OLD.search_weight THEN
      UPDATE person_search_word SET weight = NEW.search_weight WHERE person_id = NEW.person_id;
      PERFORM remember_search_words(NEW.name_document, NEW.search_weight);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM person_search_word WHERE person_id = NEW.person_id;
  END IF;
  INSERT INTO person_search_word (person_id, word, surname, weight)
    SELECT NEW.person_id, d.lexeme,
      d.lexeme = ANY (tsvector_to_array(search_document(split_part(NEW.sort_key, chr(1), 1)))), NEW.search_weight
    FROM unnest(NEW.name_document) AS d;
  PERFORM remember_search_words(NEW.name_document, NEW.search_weight);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_search_words AFTER INSERT OR UPDATE OF first_name, last_name, search_weight ON person
  FOR EACH ROW EXECUTE FUNCTION person_search_words_changed();
--> statement-breakpoint
INSERT INTO movie_search_word (movie_id, word, weight)
  SELECT m.movie_id, d.lexeme, m.search_weight FROM movie m, unnest(m.title_document) AS d;
--> statement-breakpoint
INSERT INTO person_search_word (person_id, word, surname, weight)
  SELECT p.person_id, d.lexeme,
    d.lexeme = ANY (tsvector_to_array(search_document(split_part(p.sort_key, chr(1), 1)))), p.search_weight
  FROM person p, unnest(p.name_document) AS d;
--> statement-breakpoint
INSERT INTO search_word AS s (word, weight)
  SELECT word, max(weight) FROM (
    SELECT word, weight FROM movie_search_word UNION ALL SELECT word, weight FROM person_search_word
  ) AS w WHERE length(word) >= 3 GROUP BY word
  ON CONFLICT (word) DO UPDATE SET weight = excluded.weight;
--> statement-breakpoint
ANALYZE movie_search_word;
--> statement-breakpoint
ANALYZE person_search_word;
--> statement-breakpoint
ANALYZE search_word;
