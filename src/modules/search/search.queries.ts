// GET /search: the best few movies and people for what was typed. The candidates come from the
// indexes only (the whole text, its beginning, the words), each source bounded and taken in
// popularity order, so that a two-letter prefix over a million titles costs no more than a rare
// word; then the candidates are ranked as GET /movies?q= ranks every match.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { executePlannedEachTime, rowsOf } from '../../db/database.js';
import { MOVIE_SEARCH_COLUMNS, findMovieSummaries, movieRelevanceOrder } from '../movies/movies.queries.js';
import type { MovieSummary } from '../movies/movies.schemas.js';
import { PERSON_SEARCH_COLUMNS, findPersonSummaries, personCredits, personRelevanceOrder } from '../persons/persons.queries.js';
import type { PersonSummary } from '../persons/persons.schemas.js';
import type { ListOrder } from '../../db/keyset.js';
import { type SearchColumns, type SearchText, anyMatchQuery, likePrefix, matchScore } from '../../db/search-text.js';

/** Candidates taken from each kind of match before ranking: the most popular of those read. */
const CANDIDATES_PER_SOURCE = 100;
/**
 * Matches read from each index, at most: a two-letter prefix may match a tenth of a million titles,
 * and the answer must not cost more because of it.
 */
const MATCHES_READ_PER_SOURCE = 300;

/**
 * The ids that may rank: exact text, text prefix, whole words, any match; the most popular of each.
 * Each source reads its matches through its own index first (MATERIALIZED keeps the planner from
 * walking the popularity index instead, which for a rare word means reading every row), then
 * takes the most popular of those it read.
 */
function candidateIds(table: SQL, id: SQL, columns: SearchColumns, popularity: SQL, text: SearchText): SQL {
  const conditions = [sql`${columns.key} collate "C" = ${text.key}`, sql`${columns.key} collate "C" like ${likePrefix(text.key)}`];
  if (text.words.length > 0) conditions.push(sql`${columns.document} @@ to_tsquery('simple', ${anyMatchQuery(text)})`);
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
  return sql.join([...order.columns.map((c) => sql`${c.value} ${sql.raw(c.descending ? 'desc' : 'asc')}`), sql`${order.id} asc`], sql`, `);
}

/** Ranks the candidates; then the documents of the best few, by a statement that never changes. */
async function rank(db: Database, candidates: SQL, table: SQL, id: SQL, order: ListOrder, limit: number) {
  const score = matchScore(order.columns[0]!.value, order.columns[1]!.value);
  return rowsOf<{ id: number; score: number }>(
    await executePlannedEachTime(
      db,
      sql`
      select ${id} as id, ${score} as score
      from (${candidates}) candidate join ${table} on ${id} = candidate.id
      order by ${rankedBy(order)}
      limit ${limit}`,
    ),
  );
}

export async function searchMovies(db: Database, text: SearchText, limit: number): Promise<(MovieSummary & { score: number })[]> {
  const candidates = candidateIds(sql`movie m`, sql`m.movie_id`, MOVIE_SEARCH_COLUMNS, sql`m.favorites_count`, text);
  const ranked = await rank(db, candidates, sql`movie m`, sql`m.movie_id`, movieRelevanceOrder(text), limit);
  const documents = ranked.length
    ? await findMovieSummaries(
        db,
        ranked.map((r) => Number(r.id)),
      )
    : [];
  return documents.map((doc, i) => ({ ...doc, score: Number(ranked[i]!.score) }));
}

export async function searchPersons(db: Database, text: SearchText, limit: number): Promise<(PersonSummary & { score: number })[]> {
  const candidates = candidateIds(sql`person p`, sql`p.person_id`, PERSON_SEARCH_COLUMNS, personCredits, text);
  const ranked = await rank(db, candidates, sql`person p`, sql`p.person_id`, personRelevanceOrder(text), limit);
  const documents = ranked.length
    ? await findPersonSummaries(
        db,
        ranked.map((r) => Number(r.id)),
      )
    : [];
  return documents.map((doc, i) => ({ ...doc, score: Number(ranked[i]!.score) }));
}
