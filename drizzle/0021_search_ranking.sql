CREATE TABLE "movie_search_word" (
	"movie_id" integer NOT NULL,
	"word" text NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "movie_search_word_movie_id_word_pk" PRIMARY KEY("movie_id","word")
);
--> statement-breakpoint
CREATE TABLE "person_search_word" (
	"person_id" integer NOT NULL,
	"word" text NOT NULL,
	"surname" boolean NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "person_search_word_person_id_word_pk" PRIMARY KEY("person_id","word")
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "search_weight" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "original_title_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "search_weight" double precision GENERATED ALWAYS AS ((coalesce(vote_count, 0) + 20 * favorites_count)::float8) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "search_word" ADD COLUMN "weight" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "movie_search_word" ADD CONSTRAINT "movie_search_word_movie_id_movie_movie_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movie"("movie_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_search_word" ADD CONSTRAINT "person_search_word_person_id_person_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movie_search_word_word_idx" ON "movie_search_word" USING btree ("word" collate "C","weight" desc,"movie_id");--> statement-breakpoint
CREATE INDEX "person_search_word_word_idx" ON "person_search_word" USING btree ("word" collate "C","surname","weight" desc,"person_id");--> statement-breakpoint
CREATE INDEX "person_search_weight_idx" ON "person" USING btree ("search_weight","person_id");--> statement-breakpoint
CREATE INDEX "movie_search_weight_idx" ON "movie" USING btree ("search_weight","movie_id");--> statement-breakpoint
CREATE INDEX "search_word_prefix_idx" ON "search_word" USING btree ("word" collate "C");