-- catalogue_generation: moved on by every statement that writes what a list's members or order
-- read (movies and their genres, countries, languages, keywords and companies; credits; people;
-- keywords, companies, genres). A node keeps what a list cost to find (its total, where its pages
-- start: src/db/list-memory.ts) for as long as the value it read stays the same. A sequence, not
-- a row: writers never wait for one another on it.
CREATE SEQUENCE catalogue_generation;
--> statement-breakpoint
CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('catalogue_generation');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A statement trigger on each table that lists read.
DO $$
DECLARE
  listed text;
BEGIN
  FOREACH listed IN ARRAY ARRAY['movie', 'movie_genre', 'movie_country', 'movie_language', 'movie_keyword', 'movie_company',
    'character', 'crew_credit', 'person', 'keyword', 'company', 'genre']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()',
      listed || '_catalogue_changed', listed);
  END LOOP;
END $$;
