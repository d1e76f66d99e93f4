// The /3 reads besides movies: search (moviedb's typo-tolerant matching), people, companies,
// keywords and the reference lists, and the configuration that points image URLs at moviedb.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { type SearchText, analyzeSearchText, nameMatch, searchListSource } from '../../db/search-text.js';
import { MOVIE_SEARCH, movieConditions, movieRelevanceOrder } from '../movies/movies.queries.js';
import { PERSON_SEARCH, personCredits, personRelevanceOrder } from '../persons/persons.queries.js';
import { TmdbError } from './tmdb-errors.js';
import { TMDB_IMAGE_SIZES, findImageUrl } from './tmdb-images.js';
import { type TmdbPage, findTmdbPage, movieList, nameList, personList } from './tmdb-lists.queries.js';
import { findOwnId } from './tmdb-movies.queries.js';
import { findTmdbPersonCredits, findTmdbPersonJson, findTmdbPersonPhotos } from './tmdb-people.queries.js';
import {
  findTmdbCompany,
  findTmdbCountries,
  findTmdbGenres,
  findTmdbJobs,
  findTmdbKeyword,
  findTmdbLanguages,
} from './tmdb-reference.queries.js';
import { parseAppends } from './tmdb-movies.service.js';
import type { SearchMovieQuery, SearchQuery } from './tmdb.schemas.js';

type Json = Record<string, unknown>;

const EMPTY_PAGE: TmdbPage = { page: 1, results: [], total_pages: 0, total_results: 0 };
/** The jobs list reads every crew credit: kept this long (ms) once read. */
const JOBS_KEPT_MS = 5 * 60_000;

const PERSON_APPENDS = ['movie_credits', 'combined_credits', 'images', 'external_ids'] as const;

export interface TmdbCatalogueServiceDeps {
  db: Database;
  /** Where /3 image URLs start: configuration's base_url (ends with a slash). */
  imageBaseUrl: string;
}

const withMediaType = (items: Json[]) => items.map((item) => ({ ...item, media_type: 'movie' }));

export function createTmdbCatalogueService({ db, imageBaseUrl }: TmdbCatalogueServiceDeps) {
  let jobs: { read: number; value: Promise<Json[]> } | undefined;

  async function ownId(table: 'person' | 'company' | 'keyword', id: number): Promise<number> {
    const own = await findOwnId(db, table, id);
    if (own === undefined) throw new TmdbError('notFound');
    return own;
  }

  /** The query's text as the search reads it, or undefined when there is nothing to look for. */
  async function searchTextOf(query: SearchQuery): Promise<SearchText | undefined> {
    const text = query.query === undefined ? undefined : await analyzeSearchText(db, query.query);
    return text && text.key.trim() !== '' ? text : undefined;
  }

  async function searchMovies(query: SearchMovieQuery, text?: SearchText): Promise<TmdbPage> {
    if (!text) return EMPTY_PAGE;
    const year = query.primary_release_year ?? query.year;
    const conditions =
      year === undefined
        ? []
        : movieConditions({ releasedFrom: `${String(year).padStart(4, '0')}-01-01`, releasedTo: `${String(year).padStart(4, '0')}-12-31` });
    const source = await searchListSource(db, MOVIE_SEARCH, text, { sort: undefined, conditions });
    return findTmdbPage(db, movieList(db, conditions, movieRelevanceOrder(text), source), query.page ?? 1);
  }

  async function searchPersons(query: SearchQuery, text?: SearchText): Promise<TmdbPage> {
    if (!text) return EMPTY_PAGE;
    const source = await searchListSource(db, PERSON_SEARCH, text, { sort: undefined, conditions: [] });
    return findTmdbPage(db, personList(db, [], personRelevanceOrder(text), source), query.page ?? 1);
  }

  async function searchNames(table: 'keyword' | 'company', query: SearchQuery): Promise<TmdbPage> {
    if (query.query === undefined || query.query.trim() === '') return EMPTY_PAGE;
    const { contains } = nameMatch(sql.raw(table === 'keyword' ? 'k.name' : 'co.name'), query.query.trim());
    return findTmdbPage(db, nameList(db, table, contains), query.page ?? 1);
  }

  const creditsOf = (personId: number) => findTmdbPersonCredits(db, personId);

  return {
    searchMovies: async (query: SearchMovieQuery) => searchMovies(query, await searchTextOf(query)),
    searchPersons: async (query: SearchQuery) => searchPersons(query, await searchTextOf(query)),
    searchKeywords: (query: SearchQuery) => searchNames('keyword', query),
    searchCompanies: (query: SearchQuery) => searchNames('company', query),
    /** The movies page, then the people page, of the same number: up to 20 of each. */
    async searchMulti(query: SearchQuery): Promise<TmdbPage> {
      // The text is read once for both kinds.
      const text = await searchTextOf(query);
      const [movies, people] = await Promise.all([searchMovies(query, text), searchPersons(query, text)]);
      return {
        page: query.page ?? 1,
        results: [...withMediaType(movies.results), ...people.results.map((person) => ({ ...person, media_type: 'person' }))],
        total_pages: Math.max(movies.total_pages, people.total_pages),
        total_results: movies.total_results + people.total_results,
      };
    },

    async person(id: number, append: string | undefined) {
      const appends = parseAppends(append, PERSON_APPENDS);
      const personId = await ownId('person', id);
      const json = await findTmdbPersonJson(db, personId);
      if (json === undefined) throw new TmdbError('notFound');
      const person = JSON.parse(json) as Json;
      // movie_credits and combined_credits are the same credits: read once for both.
      let credits: ReturnType<typeof creditsOf> | undefined;
      const creditsOnce = () => (credits ??= creditsOf(personId));
      for (const name of appends) {
        if (name === 'movie_credits') person[name] = await creditsOnce();
        if (name === 'combined_credits') {
          const { cast, crew } = await creditsOnce();
          person[name] = { cast: withMediaType(cast), crew: withMediaType(crew) };
        }
        if (name === 'images') person[name] = { profiles: await findTmdbPersonPhotos(db, personId) };
        if (name === 'external_ids') person[name] = personExternalIds();
      }
      return person;
    },
    async personMovieCredits(id: number) {
      return { id, ...(await creditsOf(await ownId('person', id))) };
    },
    async personCombinedCredits(id: number) {
      const { cast, crew } = await creditsOf(await ownId('person', id));
      return { id, cast: withMediaType(cast), crew: withMediaType(crew) };
    },
    async personImages(id: number) {
      return { id, profiles: await findTmdbPersonPhotos(db, await ownId('person', id)) };
    },
    async personExternalIds(id: number) {
      await ownId('person', id);
      return { id, ...personExternalIds() };
    },
    /** People by their credits (movies played in and directed): moviedb has no popularity of people. */
    personPopular: (page: number) =>
      findTmdbPage(
        db,
        personList(db, [], {
          columns: [{ value: personCredits, type: 'integer', descending: true }],
          nullable: false,
          id: sql`p.person_id`,
        }),
        page,
      ),

    async company(id: number) {
      const company = await findTmdbCompany(db, await ownId('company', id));
      if (!company) throw new TmdbError('notFound');
      return company;
    },
    async keyword(id: number) {
      const keyword = await findTmdbKeyword(db, await ownId('keyword', id));
      if (!keyword) throw new TmdbError('notFound');
      return keyword;
    },

    genres: async () => ({ genres: await findTmdbGenres(db) }),
    countries: () => findTmdbCountries(db),
    languages: () => findTmdbLanguages(db),
    jobs() {
      if (!jobs || Date.now() - jobs.read > JOBS_KEPT_MS) {
        const value = findTmdbJobs(db);
        jobs = { read: Date.now(), value };
        // A failed read is not kept.
        value.catch(() => (jobs = undefined));
      }
      return jobs.value;
    },
    imageUrl: (size: string, file: string) => findImageUrl(db, size, file),
    configuration: () => ({
      images: { base_url: imageBaseUrl, secure_base_url: imageBaseUrl, ...TMDB_IMAGE_SIZES },
      change_keys: [],
    }),
  };
}

function personExternalIds() {
  return {
    freebase_mid: null,
    freebase_id: null,
    imdb_id: null,
    tvrage_id: null,
    wikidata_id: null,
    facebook_id: null,
    instagram_id: null,
    tiktok_id: null,
    twitter_id: null,
    youtube_id: null,
  };
}

export type TmdbCatalogueService = ReturnType<typeof createTmdbCatalogueService>;
