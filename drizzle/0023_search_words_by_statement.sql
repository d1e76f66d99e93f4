-- The postings and the dictionary's weights (0022), kept once per statement instead of once per
-- row, and the dictionary looked up by its B-tree: the TMDB import writes its 105,000 people in
-- batches of 2,000, and the lookups, planned while search_word was believed empty, went through
-- its trigram index (each batch slower than the one before: 1.6 s for the first, 45 s for the
-- twentieth; the import took 10 minutes instead of under one).
-- Hand-written; never regenerated.
DROP TRIGGER movie_search_words ON movie;
--> statement-breakpoint
DROP TRIGGER person_search_words ON person;
--> statement-breakpoint
DROP FUNCTION movie_search_words_changed();
--> statement-breakpoint
DROP FUNCTION person_search_words_changed();
--> statement-breakpoint
DROP FUNCTION remember_search_words(tsvector, float8);
--> statement-breakpoint
-- The words seen, each with the highest weight it was seen with: only those whose weight rises
-- are written (a common word's row, locked by every writer of a movie that holds it, would make
-- them wait for each other), in the order of the words (two writers lock them in one order).
CREATE FUNCTION remember_search_words(words text[], weights float8[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_word AS s (word, weight)
  SELECT seen.word, seen.weight FROM (
    SELECT u.word, max(u.weight) AS weight FROM unnest(words, weights) AS u(word, weight)
    WHERE length(u.word) >= 3 GROUP BY u.word
  ) AS seen
  -- collate "C": the equality then matches only the B-tree of that collation. As plain "=", the
  -- planner took the trigram index for it on a dictionary it believed empty (an import's first
  -- minutes), and a trigram lookup of a common word reads a large part of the dictionary.
  WHERE NOT EXISTS (SELECT 1 FROM search_word k WHERE k.word collate "C" = seen.word AND k.weight >= seen.weight)
  ORDER BY seen.word
  ON CONFLICT (word) DO UPDATE SET weight = excluded.weight WHERE s.weight < excluded.weight
$$;
--> statement-breakpoint
-- A movie's postings follow its words and its weight (votes, favorites). Transition tables
-- cannot come with a column list, so this runs after every statement that writes movies and
-- looks for the rows whose words or weight changed.
CREATE FUNCTION movie_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO movie_search_word (movie_id, word, weight)
      SELECT n.movie_id, d.lexeme, n.search_weight FROM new_rows n, unnest(n.title_document) AS d;
    PERFORM remember_search_words(array_agg(d.lexeme), array_agg(n.search_weight))
      FROM new_rows n, unnest(n.title_document) AS d;
    RETURN NULL;
  END IF;
  DELETE FROM movie_search_word w USING old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
    WHERE w.movie_id = n.movie_id AND n.title_document <> o.title_document;
  INSERT INTO movie_search_word (movie_id, word, weight)
    SELECT n.movie_id, d.lexeme, n.search_weight
    FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id, unnest(n.title_document) AS d
    WHERE n.title_document <> o.title_document;
  UPDATE movie_search_word w SET weight = n.search_weight FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id
    WHERE w.movie_id = n.movie_id AND n.title_document = o.title_document AND n.search_weight <> o.search_weight;
  PERFORM remember_search_words(array_agg(d.lexeme), array_agg(n.search_weight))
    FROM old_rows o JOIN new_rows n ON n.movie_id = o.movie_id, unnest(n.title_document) AS d
    WHERE n.title_document <> o.title_document OR n.search_weight > o.search_weight;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER movie_search_words_inserted AFTER INSERT ON movie REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_search_words_changed();
--> statement-breakpoint
CREATE TRIGGER movie_search_words_updated AFTER UPDATE ON movie REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION movie_search_words_changed();
--> statement-breakpoint
-- A person's postings follow their name's words (which of them are the last name's) and weight.
CREATE FUNCTION person_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_search_word (person_id, word, surname, weight)
      SELECT n.person_id, d.lexeme,
        d.lexeme = ANY (tsvector_to_array(search_document(split_part(n.sort_key, chr(1), 1)))), n.search_weight
      FROM new_rows n, unnest(n.name_document) AS d;
    PERFORM remember_search_words(array_agg(d.lexeme), array_agg(n.search_weight))
      FROM new_rows n, unnest(n.name_document) AS d;
    RETURN NULL;
  END IF;
  DELETE FROM person_search_word w USING old_rows o JOIN new_rows n ON n.person_id = o.person_id
    WHERE w.person_id = n.person_id AND (n.name_document <> o.name_document OR n.sort_key <> o.sort_key);
  INSERT INTO person_search_word (person_id, word, surname, weight)
    SELECT n.person_id, d.lexeme,
      d.lexeme = ANY (tsvector_to_array(search_document(split_part(n.sort_key, chr(1), 1)))), n.search_weight
    FROM old_rows o JOIN new_rows n ON n.person_id = o.person_id, unnest(n.name_document) AS d
    WHERE n.name_document <> o.name_document OR n.sort_key <> o.sort_key;
  UPDATE person_search_word w SET weight = n.search_weight FROM old_rows o JOIN new_rows n ON n.person_id = o.person_id
    WHERE w.person_id = n.person_id AND n.name_document = o.name_document AND n.sort_key = o.sort_key
      AND n.search_weight <> o.search_weight;
  PERFORM remember_search_words(array_agg(d.lexeme), array_agg(n.search_weight))
    FROM old_rows o JOIN new_rows n ON n.person_id = o.person_id, unnest(n.name_document) AS d
    WHERE n.name_document <> o.name_document OR n.sort_key <> o.sort_key OR n.search_weight > o.search_weight;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_search_words_inserted AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_search_words_changed();
--> statement-breakpoint
CREATE TRIGGER person_search_words_updated AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_search_words_changed();
