DROP INDEX "movie_title_key_idx";--> statement-breakpoint
DROP INDEX "movie_favorites_count_idx";--> statement-breakpoint
DROP INDEX "movie_release_date_idx";--> statement-breakpoint
DROP INDEX "movie_vote_count_idx";--> statement-breakpoint
DROP INDEX "movie_revenue_idx";--> statement-breakpoint
CREATE INDEX "movie_title_key_idx" ON "movie" USING btree ("title_key" collate "C","movie_id","genre_ids","release_date","country_id","favorites_count","original_language");--> statement-breakpoint
CREATE INDEX "movie_favorites_count_idx" ON "movie" USING btree ("favorites_count","movie_id","genre_ids","release_date","country_id","original_language");--> statement-breakpoint
CREATE INDEX "movie_release_date_idx" ON "movie" USING btree ("release_date","movie_id","genre_ids","country_id","original_language");--> statement-breakpoint
CREATE INDEX "movie_vote_count_idx" ON "movie" USING btree ("vote_count","movie_id","genre_ids","release_date","country_id","original_language");--> statement-breakpoint
CREATE INDEX "movie_revenue_idx" ON "movie" USING btree ("revenue","movie_id","genre_ids","release_date","country_id","original_language");