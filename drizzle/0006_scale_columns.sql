CREATE TABLE "search_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "title_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "title_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "genre_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "favorites_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "actors_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "name_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "movies_acted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "acting_budget_total" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "movies_directed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "directing_budget_average" numeric(14, 2);--> statement-breakpoint
CREATE INDEX "search_word_trigram_idx" ON "search_word" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "movie_title_key_idx" ON "movie" USING btree ("title_key" collate "C","movie_id","genre_ids","release_date","country_id","favorites_count");--> statement-breakpoint
CREATE INDEX "movie_favorites_count_idx" ON "movie" USING btree ("favorites_count","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_release_date_idx" ON "movie" USING btree ("release_date","movie_id","genre_ids","country_id");--> statement-breakpoint
CREATE INDEX "movie_budget_idx" ON "movie" USING btree ("budget","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_duration_idx" ON "movie" USING btree ("duration","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_created_at_idx" ON "movie" USING btree ("created_at","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_title_document_idx" ON "movie" USING gin ("title_document");--> statement-breakpoint
CREATE INDEX "person_name_key_idx" ON "person" USING btree ("name_key" collate "C","movies_acted","movies_directed");--> statement-breakpoint
CREATE INDEX "person_sort_key_idx" ON "person" USING btree ("sort_key" collate "C","person_id");--> statement-breakpoint
CREATE INDEX "person_name_document_idx" ON "person" USING gin ("name_document");--> statement-breakpoint
CREATE INDEX "person_birth_date_idx" ON "person" USING btree ("birth_date","person_id");--> statement-breakpoint
CREATE INDEX "person_movies_acted_idx" ON "person" USING btree ("movies_acted","person_id");--> statement-breakpoint
CREATE INDEX "person_acting_budget_total_idx" ON "person" USING btree ("acting_budget_total","person_id");--> statement-breakpoint
CREATE INDEX "person_movies_directed_idx" ON "person" USING btree ("movies_directed","person_id");--> statement-breakpoint
CREATE INDEX "person_directing_budget_average_idx" ON "person" USING btree ("directing_budget_average","person_id");--> statement-breakpoint
CREATE INDEX "person_credits_idx" ON "person" USING btree (("movies_acted" + "movies_directed"),"person_id");