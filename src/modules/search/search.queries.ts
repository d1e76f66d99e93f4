// GET /search: the best few movies and people for what was typed, in one order. The candidates
// come from the postings (movie_search_word, person_search_word: every word with its row's search
// weight), the best-known first, so that a word held by a hundred thousand rows costs no more than
// a rare one; then the candidates of both kinds are scored by one expression (searchScore,
// docs/search.md) in one statement.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { textArray } from '../../db/sql.js';
import { MOVIE_SEARCH_COLUMNS } from '../movies/movies.queries.js';
import { PERSON_SEARCH_COLUMNS } from '../persons/persons.queries.js';
import { type SearchText, anyMatchQuery, searchScore } from '../../db/search-text.js';

/** Postings read for each word as typed (the best-known holders); for people, of each field. */
const PER_WORD = 40;
/** Postings read for each correction of a word. */
const PER_CORRECTION = 10;
/** Completions of the last word whose postings are read (the best-known completions), and how many each. */
const COMPLETIONS_READ = 4;
const PER_COMPLETION = 8;
/**
 * For a phrase of several words, the postings read of each word as typed, of which those holding
 * every word are kept: deeper than PER_WORD, since the best-known holders of "john" may not be
 * Smiths. (A GIN index read of every word took 22 ms for "john smith" over 3M people.)
 */
const EVERY_WORD_READ = 100;

/**
 * The terms whose postings are read, in groups of one limit each: the words as typed, their
 * corrections, the last word's best-known completions. A constant limit, not one per row, lets
 * the planner see how few rows the reads give (with a limit per term it expected hundreds and read
 * the whole person table to join them).
 */
function postingReads(text: SearchText): { words: string[]; limit: number }[] {
  const typed = new Set(text.words.map((w) => w.word));
  const corrections = new Set(text.words.flatMap((w) => w.corrections).filter((c) => !typed.has(c)));
  const completions = new Set(
    text.words.flatMap((w) => w.completions.slice(0, COMPLETIONS_READ)).filter((c) => !typed.has(c) && !corrections.has(c)),
  );
  return [
    { words: [...typed], limit: PER_WORD },
    { words: [...corrections], limit: PER_CORRECTION },
    { words: [...completions], limit: PER_COMPLETION },
  ].filter((group) => group.words.length > 0);
}

interface ScoredId {
  kind: 'movie' | 'person';
  id: number;
  score: number;
}

/** The best `limit` movies and the best `limit` people, each with its score. */
export async function searchScored(db: Database, text: SearchText, limit: number): Promise<ScoredId[]> {
  const reads = postingReads(text);
  const everyWord = text.words.length > 1;
  // One posting read of each kind: a word's best-known holders, `count` of them.
  const moviePosting = (count: SQL) =>
    sql`select movie_id as id from movie_search_word w where w.word collate "C" = t.word order by w.weight desc limit ${count}`;
  const personPosting = (surname: boolean) => (count: SQL) =>
    sql`select person_id as id from person_search_word w
      where w.word collate "C" = t.word and ${surname ? sql`w.surname` : sql`not w.surname`} order by w.weight desc limit ${count}`;
  const postings = (select: (count: SQL) => SQL) =>
    sql.join(
      reads.map(
        ({ words, limit }) =>
          sql`select w.id from unnest(${textArray(words)}) as t(word) cross join lateral (${select(sql.raw(String(limit)))}) w`,
      ),
      sql` union `,
    );
  // For a phrase of several words: the typed words' deeper postings, of rows holding every word.
  const typed = textArray(text.words.map((w) => w.word));
  const everyWordQuery = sql`(select to_tsquery('simple', ${anyMatchQuery(text)}))`;
  const holdingEveryWord = (select: (count: SQL) => SQL, table: SQL, id: SQL, document: SQL) =>
    everyWord
      ? sql`union select w.id from unnest(${typed}) as t(word) cross join lateral (${select(sql.raw(String(EVERY_WORD_READ)))}) w
          join ${table} held on held.${id} = w.id where held.${document} @@ ${everyWordQuery}`
      : sql``;
  const moviePostings = postings(moviePosting);
  const movieEveryWord = holdingEveryWord(moviePosting, sql`movie`, sql`movie_id`, sql`title_document`);
  const personPostings = (surname: boolean) => postings(personPosting(surname));
  const personEveryWord = sql.join(
    [true, false].map((surname) => holdingEveryWord(personPosting(surname), sql`person`, sql`person_id`, sql`name_document`)),
    sql` `,
  );
  const statement = sql`
    with movie_candidate as (
      select movie_id as id from movie where title_key collate "C" = ${text.key}
      ${reads.length ? sql`union ${moviePostings}` : sql``}
      ${movieEveryWord}
    ),
    person_candidate as (
      select person_id as id from person where name_key collate "C" = ${text.key}
      ${reads.length ? sql`union ${personPostings(true)} union ${personPostings(false)}` : sql``}
      ${personEveryWord}
    )
    (select 'movie' as kind, m.movie_id as id, ${searchScore(MOVIE_SEARCH_COLUMNS, text)} as score
      from movie_candidate c join movie m on m.movie_id = c.id order by score desc, m.movie_id limit ${limit})
    union all
    (select 'person', p.person_id, ${searchScore(PERSON_SEARCH_COLUMNS, text)}
      from person_candidate c join person p on p.person_id = c.id order by 3 desc, p.person_id limit ${limit})`;
  const rows = rowsOf<{ kind: 'movie' | 'person'; id: number; score: number }>(await db.execute(statement));
  return rows.map((row) => ({ kind: row.kind, id: Number(row.id), score: Number(row.score) }));
}
