// GET /search: the best few movies and people for what was typed. The candidates come from the
// indexes only (the whole text, its beginning, the words), each source bounded and taken in
// popularity order, so that a two-letter prefix over a million titles costs no more than a rare
// word; then the candidates are ranked as GET /movies?q= ranks every match.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { MOVIE_SEARCH_COLUMNS, movieSources, movieRelevanceOrder, normalizeMovie, summaryFields } from '../movies/movies.queries.js';
import type { MovieSummary } from '../movies/movies.schemas.js';
import {
  PERSON_SEARCH_COLUMNS,
  normalizePerson,
  personCredits,
  personFields,
  personRelevanceOrder,
  personSources,
} from '../persons/persons.queries.js';
import type { PersonSummary } from '../persons/persons.schemas.js';
import type { ListOrder } from '../../db/keyset.js';
import { type SearchColumns, type SearchText, anyMatchQuery, matchScore, wholeWordsQuery } from './search-text.js';

/** Candidates taken from each kind of match before ranking: the most popular of those read. */
const CANDIDATES_PER_SOURCE = 100;
/**
 * Matches read from each index, at most: a two-letter prefix may match a tenth of a million titles,
 * and the answer must not cost more because of it.
 */
const MATCHES_READ_PER_SOURCE = 5_000;

function likePrefix(key: string): string {
  return `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The ids that may rank: exact text, text prefix, whole words, any match; the most popular of each.
 * Each source reads its matches through its own index first (MATERIALIZED keeps the planner from
 * walking the popularity index instead, which for a rare word means reading every row), then
 * takes the most popular of those it read.
 */
function candidateIds(table: SQL, id: SQL, columns: SearchColumns, popularity: SQL, text: SearchText): SQL {
  const conditions = [sql`${columns.key} collate "C" = ${text.key}`, sql`${columns.key} collate "C" like ${likePrefix(text.key)}`];
  if (text.words.length > 0) {
    conditions.push(sql`${columns.document} @@ to_tsquery('simple', ${wholeWordsQuery(text)})`);
    conditions.push(sql`${columns.document} @@ to_tsquery('simple', ${anyMatchQuery(text)})`);
  }
  const sources = conditions.map((condition, i) => {
    const name = sql.raw(`source_${i}`);
    return {
      cte: sql`${name} as materialized (select ${id} as id, ${popularity} as popularity from ${table} where ${condition} limit ${MATCHES_READ_PER_SOURCE})`,
      pick: sql`(select id from ${name} order by popularity desc, id limit ${CANDIDATES_PER_SOURCE})`,
    };
  });
  return sql`with ${sql.join(
    sources.map((s) => s.cte),
    sql`, `,
  )} ${sql.join(
    sources.map((s) => s.pick),
    sql` union `,
  )}`;
}

function rankedBy(order: ListOrder): SQL {
  return sql.join(
    [...order.columns.map((c) => sql`${c.value} ${sql.raw(c.descending ? 'desc' : 'asc')}`), sql`${order.id} asc`],
    sql`, `,
  );
}

export async function searchMovies(db: Database, text: SearchText, limit: number): Promise<(MovieSummary & { score: number })[]> {
  const order = movieRelevanceOrder(text);
  const score = matchScore(order.columns[0]!.value, order.columns[1]!.value);
  const rows = rowsOf<{ doc: MovieSummary & { score: number } }>(
    await db.execute(sql`
      select json_build_object(${summaryFields}, 'score', ${score}) as doc
      from (${candidateIds(sql`movie m`, sql`m.movie_id`, MOVIE_SEARCH_COLUMNS, sql`m.favorites_count`, text)}) candidate
      join ${movieSources} on m.movie_id = candidate.id
      order by ${rankedBy(order)}
      limit ${limit}`),
  );
  return rows.map((row) => normalizeMovie(row.doc));
}

export async function searchPersons(db: Database, text: SearchText, limit: number): Promise<(PersonSummary & { score: number })[]> {
  const order = personRelevanceOrder(text);
  const score = matchScore(order.columns[0]!.value, order.columns[1]!.value);
  const rows = rowsOf<{ doc: PersonSummary & { score: number } }>(
    await db.execute(sql`
      select json_build_object(${personFields}, 'score', ${score}) as doc
      from (${candidateIds(sql`person p`, sql`p.person_id`, PERSON_SEARCH_COLUMNS, personCredits, text)}) candidate
      join ${personSources} on p.person_id = candidate.id
      order by ${rankedBy(order)}
      limit ${limit}`),
  );
  return rows.map((row) => normalizePerson(row.doc));
}
