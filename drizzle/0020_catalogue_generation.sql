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
CREATE TRIGGER movie_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER character_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "character"
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER crew_credit_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crew_credit
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER person_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER keyword_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON keyword
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER company_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON company
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER genre_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON genre
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER movie_genre_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie_genre
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER movie_country_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie_country
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER movie_language_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie_language
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER movie_keyword_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie_keyword
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
--> statement-breakpoint
CREATE TRIGGER movie_company_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movie_company
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
