-- Hand-edited from the generated DROP/CREATE: the same indexes, changed in place. With fastupdate
-- off a write goes into the index at once; with it on, a write waits in a pending list that every
-- search reads entry by entry, and the favorites counter rewrites movie rows all day.
ALTER INDEX "movie_title_document_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "person_name_document_idx" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list('movie_title_document_idx'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('person_name_document_idx'::regclass);
