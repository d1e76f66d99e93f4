// Turning GET /movies query parameters into a MovieFilter: lists with `,` (all) or `|` (any),
// genres by id or name, countries by id or ISO code. Names are looked up; unknown ones are a 422.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray, textArray } from '../../db/sql.js';
import { idsOf, parseList } from '../../http/list-query.js';
import { UnprocessableError } from '../../errors.js';
import { countryIdOf } from '../countries/countries.service.js';
import type { MovieFilter } from './movies.queries.js';
import { analyzeSearchText } from '../../db/search-text.js';
import type { MovieFilterQuery } from './movies.schemas.js';

async function genreIdsOf(db: Database, values: string[], field: string): Promise<number[]> {
  idsOf(
    values.filter((v) => /^\d+$/.test(v)),
    field,
  );
  const names = values.filter((v) => !/^\d+$/.test(v)).map((v) => v.toLowerCase());
  const ids = values.filter((v) => /^\d+$/.test(v)).map(Number);
  const rows = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`select genre_id as id, lower(genre_name) as name from genre
      where lower(genre_name) = any(${textArray(names)}) or genre_id = any(${intArray(ids)})`),
  );
  const byName = new Map(rows.map((r) => [r.name, Number(r.id)]));
  const known = new Set(rows.map((r) => Number(r.id)));
  const unknown = values.filter((v) => (/^\d+$/.test(v) ? !known.has(Number(v)) : !byName.has(v.toLowerCase())));
  if (unknown.length) {
    throw new UnprocessableError(`Unknown genre${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, [
      { in: 'query', field, message: `names no genre: ${unknown.join(', ')}` },
    ]);
  }
  return values.map((v) => (/^\d+$/.test(v) ? Number(v) : byName.get(v.toLowerCase())!));
}

export async function resolveMovieFilter(db: Database, query: MovieFilterQuery): Promise<MovieFilter> {
  const filter: MovieFilter = {
    directorId: query.director,
    releasedFrom: query.releasedFrom,
    releasedTo: query.releasedTo,
    releasedWithinYears: query.releasedWithinYears,
    minDuration: query.minDuration,
    maxDuration: query.maxDuration,
    minBudget: query.minBudget,
    maxBudget: query.maxBudget,
    minRevenue: query.minRevenue,
    maxRevenue: query.maxRevenue,
    minVoteCount: query.minVoteCount,
    minVoteAverage: query.minVoteAverage,
    maxVoteAverage: query.maxVoteAverage,
    status: query.status,
    originalLanguage: query.originalLanguage,
    tmdbId: query.tmdbId,
    text: query.q === undefined ? undefined : await analyzeSearchText(db, query.q),
  };
  if (query.genre) {
    const list = parseList(query.genre, 'genre');
    filter.genreIds = { ids: await genreIdsOf(db, list.values, 'genre'), mode: list.mode };
  }
  if (query.withoutGenre) {
    filter.withoutGenreIds = await genreIdsOf(db, parseList(query.withoutGenre, 'withoutGenre').values, 'withoutGenre');
  }
  if (query.country) filter.countryId = await countryIdOf(db, query.country);
  if (query.productionCountry) filter.productionCountryId = await countryIdOf(db, query.productionCountry, 'productionCountry');
  if (query.cast) {
    const list = parseList(query.cast, 'cast');
    filter.cast = { ids: idsOf(list.values, 'cast'), mode: list.mode };
  }
  if (query.keyword) {
    const list = parseList(query.keyword, 'keyword');
    filter.keywordIds = { ids: idsOf(list.values, 'keyword'), mode: list.mode };
  }
  if (query.company) {
    const list = parseList(query.company, 'company');
    filter.companyIds = { ids: idsOf(list.values, 'company'), mode: list.mode };
  }
  if (query.language) {
    const list = parseList(query.language, 'language');
    filter.languageCodes = { codes: list.values, mode: list.mode };
  }
  if (query.job !== undefined && !query.crew) {
    throw new UnprocessableError('A job filters crew credits: give crew (person ids) with it.', [
      { in: 'query', field: 'job', message: 'needs crew' },
    ]);
  }
  if (query.crew) {
    const list = parseList(query.crew, 'crew');
    filter.crew = { ids: idsOf(list.values, 'crew'), mode: list.mode, job: query.job };
  }
  if (query.ids) filter.ids = idsOf(query.ids.split(','), 'ids');
  return filter;
}
