import type { Database } from '../../db/database.js';
import type { SearchQuery, SearchResults } from './search.schemas.js';
import { searchMovies, searchPersons } from './search.queries.js';
import { analyzeSearchText } from '../../db/search-text.js';

export function createSearchService({ db }: { db: Database }) {
  return {
    async search(query: SearchQuery): Promise<SearchResults> {
      const text = await analyzeSearchText(db, query.q);
      if (text.key.trim() === '') return { movies: [], persons: [] };
      const [movies, persons] = await Promise.all([searchMovies(db, text, query.limit), searchPersons(db, text, query.limit)]);
      return { movies, persons };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
