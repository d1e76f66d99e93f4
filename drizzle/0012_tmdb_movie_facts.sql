CREATE TYPE "public"."movie_status" AS ENUM('rumored', 'planned', 'in_production', 'post_production', 'released', 'canceled');--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "original_title" text;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "original_language" text;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "tagline" text;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "status" "movie_status";--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "homepage" text;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "revenue" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "popularity" double precision;--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "vote_average" numeric(3, 1);--> statement-breakpoint
ALTER TABLE "movie" ADD COLUMN "vote_count" integer;--> statement-breakpoint
CREATE INDEX "movie_rated_idx" ON "movie" USING btree ((case when "vote_count" >= 50 then "vote_average" end),"movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_vote_count_idx" ON "movie" USING btree ("vote_count","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
CREATE INDEX "movie_revenue_idx" ON "movie" USING btree ("revenue","movie_id","genre_ids","release_date","country_id");--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_original_title_not_blank" CHECK (length(btrim("movie"."original_title")) > 0);--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_original_language_code" CHECK ("movie"."original_language" ~ '^[a-z]{2,3}$');--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_revenue_nonnegative" CHECK ("movie"."revenue" >= 0);--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_popularity_nonnegative" CHECK ("movie"."popularity" >= 0 and "movie"."popularity" < 'Infinity'::float8);--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_vote_average_range" CHECK ("movie"."vote_average" between 0 and 10);--> statement-breakpoint
ALTER TABLE "movie" ADD CONSTRAINT "movie_vote_count_nonnegative" CHECK ("movie"."vote_count" >= 0);