import type { Database } from '../../db/database.js';
import type { SearchQuery, SearchResults } from './search.schemas.js';
import { searchScored } from './search.queries.js';
import { analyzeSearchText } from '../../db/search-text.js';
import { findMovieSummaries } from '../movies/movies.queries.js';
import { findPersonSummaries } from '../persons/persons.queries.js';

export function createSearchService({ db }: { db: Database }) {
  return {
    async search(query: SearchQuery): Promise<SearchResults> {
      const text = await analyzeSearchText(db, query.q);
      if (text.key.trim() === '') return { results: [], movies: [], persons: [] };
      const scored = await searchScored(db, text, query.limit);
      const movieIds = scored.filter((s) => s.kind === 'movie').map((s) => s.id);
      const personIds = scored.filter((s) => s.kind === 'person').map((s) => s.id);
      const [movieDocs, personDocs] = await Promise.all([
        movieIds.length ? findMovieSummaries(db, movieIds) : [],
        personIds.length ? findPersonSummaries(db, personIds) : [],
      ]);
      const movies = new Map(movieDocs.map((doc) => [doc.id, doc]));
      const persons = new Map(personDocs.map((doc) => [doc.id, doc]));
      // One order for both kinds, the best first; a row deleted between the two reads is left out.
      const results = scored
        .toSorted((a, b) => b.score - a.score || (a.kind === b.kind ? a.id - b.id : a.kind === 'movie' ? -1 : 1))
        .flatMap((s) => {
          const doc = s.kind === 'movie' ? movies.get(s.id) : persons.get(s.id);
          return doc ? [{ kind: s.kind, score: s.score, ...doc }] : [];
        }) as SearchResults['results'];
      return {
        results: results.slice(0, query.limit),
        movies: results.filter((r) => r.kind === 'movie'),
        persons: results.filter((r) => r.kind === 'person'),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
