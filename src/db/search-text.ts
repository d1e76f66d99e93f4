// Matching text the way people type it: without regard to case or accents, forgiving a typo, and
// answering a prefix as they type. One shape serves titles and names, at any catalogue size:
// - each row keeps a folded key (lowercase, no accents) and its words as a full-text document,
//   both kept by triggers (drizzle/0007_search_and_figures.sql), with a B-tree and a GIN index;
// - a misspelt word is corrected against the small dictionary of every word in the catalogue
//   (search_word, trigram index) before the rows are searched, never by comparing every row;
// - the rows then come from the indexes: the document (words, the last one also as a prefix,
//   and the corrections) or the key (the whole text's prefix).
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { rowsOf } from './database.js';

/** How close a dictionary word must be to a typed one to count as its correction (pg_trgm's own default). */
const CORRECTION_SIMILARITY = 0.3;
/** Corrections tried per typed word. */
const CORRECTIONS_PER_WORD = 5;
/** Shorter words are too short for trigrams to correct; they still match whole, and as a prefix when last. */
const MIN_CORRECTED_LENGTH = 4;
/** From this length a correction may be two edits away (Levenshtein distance), below it one. */
const TWO_EDITS_LENGTH = 6;
/** Words of the dictionary tried for the last, maybe unfinished, word: the best-known first. */
const COMPLETIONS = 20;
/** Words of a phrase that are matched; the rest are ignored (a search box, not a document). */
const MAX_WORDS = 8;

export interface SearchWord {
  word: string;
  /** Typed last: it may be unfinished, so it also matches as a prefix. */
  last: boolean;
  /**
   * Dictionary words close to this one, best first: for a word the catalogue does not know, and,
   * in a phrase of several words, for a known one too ("forest gump": a real word that leads nowhere).
   */
  corrections: string[];
  /** For the last word: dictionary words it begins, the best-known first. */
  completions: string[];
}

/** A search phrase, analysed once per request and used by every query that matches it. */
export interface SearchText {
  /** The phrase folded as the keys are (lowercase, no accents). */
  key: string;
  words: SearchWord[];
}

// The dictionary words beginning with a word are one range of search_word_prefix_idx (the C
// collation compares bytes, so they lie between the word and the word followed by the highest
// character): a LIKE pattern made from a column is no range to the planner, and read all 125,000
// words of the 1M benchmark's dictionary (40 ms).

/**
 * Folds the phrase, splits it into words as the documents were split, and finds corrections:
 * dictionary words within one or two edits (Levenshtein, among those of the same first two
 * letters and about the same length), or close by trigrams (a typo in the first two letters).
 */
export async function analyzeSearchText(db: Database, phrase: string): Promise<SearchText> {
  const rows = rowsOf<{
    key: string;
    word: string | null;
    last: boolean | null;
    corrections: string[] | null;
    completions: string[] | null;
  }>(
    await db.execute(sql`
      with typed as (select search_key(${phrase}) as key),
      words as (
        select w.lexeme as word, max(p) over () = max(p) over (partition by w.lexeme) as last, min(p) over (partition by w.lexeme) as first
        from typed, unnest(search_document(typed.key)) as w, unnest(w.positions) as p
      ),
      distinct_words as (
        select word, bool_or(last) as last, min(first) as first, count(*) over () as count,
          exists (select 1 from search_word s where s.word collate "C" = words.word) as known
        from words group by word order by min(first) limit ${MAX_WORDS}
      )
      select typed.key, d.word, d.last,
        case when length(d.word) >= ${MIN_CORRECTED_LENGTH} and (not d.known or d.count > 1) then array(
          select c.word from (
            select s.word, s.weight from search_word s
            where s.word % d.word and s.word <> d.word and similarity(s.word, d.word) >= ${CORRECTION_SIMILARITY}
            union
            select s.word, s.weight from search_word s
            where s.word collate "C" >= left(d.word, 2) and s.word collate "C" < left(d.word, 2) || chr(1114111)
              and s.word <> d.word
              and length(s.word) between length(d.word) - 2 and length(d.word) + 2
              and levenshtein(s.word, d.word) <= case when length(d.word) >= ${TWO_EDITS_LENGTH} then 2 else 1 end
          ) c
          -- The fewest edits first (two letters swapped count as one), then the best-known word.
          order by case
              when length(c.word) = length(d.word) and levenshtein(c.word, d.word) = 2
                and array(select unnest(string_to_array(c.word, null)) order by 1) = array(select unnest(string_to_array(d.word, null)) order by 1)
              then 1 else levenshtein(c.word, d.word) end,
            c.weight desc, c.word
          limit ${CORRECTIONS_PER_WORD}) end as corrections,
        case when d.last then array(
          select s.word from search_word s
          where s.word collate "C" >= d.word and s.word collate "C" < d.word || chr(1114111) and s.word <> d.word
          order by s.weight desc, s.word
          limit ${COMPLETIONS}) end as completions
      from typed left join distinct_words d on true
      order by d.first`),
  );
  const key = rows[0]?.key ?? '';
  const words = rows
    .filter((row): row is typeof row & { word: string } => row.word !== null)
    .map((row) => ({
      word: row.word,
      last: row.last === true,
      corrections: row.corrections ?? [],
      completions: row.completions ?? [],
    }));
  return { key, words };
}

/** A lexeme as a tsquery operand: quoted, so that no character in it is an operator. */
function operand(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function andOf(words: SearchWord[], alternatives: (word: SearchWord) => string[]): string {
  return words.map((word) => `(${alternatives(word).join(' | ')})`).join(' & ');
}

/** Every word, whole. */
function wholeWordsQuery(text: SearchText): string {
  return andOf(text.words, (w) => [operand(w.word)]);
}

// The last word's completions are words of the dictionary, not a tsquery prefix (`go:*`), where
// the rows are found through the index: the planner knows how common each word is, not how
// common a prefix is, and a wrong guess costs a read of the whole table. Ranking the rows found
// (searchScore) tests the prefix itself.

/** A word as typed, completed when last, or corrected. */
function alternativesOf(w: SearchWord): string[] {
  return [operand(w.word), ...w.completions.map((c) => operand(c)), ...w.corrections.map((c) => operand(c))];
}

/** Every word, as typed, completed when last, or corrected. */
export function anyMatchQuery(text: SearchText): string {
  return andOf(text.words, alternativesOf);
}

/** `text` for a LIKE pattern, its wildcards (and the escape character) matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for text beginning with `key`, its wildcards matched literally. */
function likePrefix(key: string): string {
  return `${escapeLike(key)}%`;
}

/** `column` contains `term`, ignoring case and accents; LIKE wildcards in the term match literally. */
export function containsText(column: SQLWrapper, term: string): SQL {
  return sql`unaccent(${column}) ilike unaccent(${`%${escapeLike(term)}%`})`;
}

/**
 * An order for names that people expect: case and accents do not move a name to the end. The C
 * collation makes it the same on every server, whatever locale its database was created with.
 */
export function nameOrder(column: SQLWrapper): SQL {
  return sql`lower(unaccent(${column})) collate "C"`;
}

/** The columns of one searchable table that a search matches and ranks by. */
export interface SearchColumns {
  /** The text folded (lowercase, no accents). */
  key: SQL;
  /** Its words, and those of `otherKey`. */
  document: SQL;
  /** A second whole text that counts as the row's own (a movie's original title). */
  otherKey?: SQL;
  /** The folded last name, for a person: a surname typed alone ranks its holders above first names. */
  surname?: SQL;
  /** How well known the row is (search_weight). */
  weight: SQL;
}

/** Rows whose text matches in any of the ways the ranking knows; false when nothing was typed. */
export function matchCondition(columns: SearchColumns, text: SearchText): SQL {
  if (text.key.trim() === '') return sql`false`;
  const byKey = sql`${columns.key} collate "C" like ${likePrefix(text.key)}`;
  if (text.words.length === 0) return byKey;
  return sql`(${columns.document} @@ to_tsquery('simple', ${anyMatchQuery(text)}) or ${byKey})`;
}

/** Every word whole, the last also as a prefix of a word (typed so far). */
function typedPrefixQuery(text: SearchText): string {
  return andOf(text.words, (w) => (w.last ? [operand(w.word), `${operand(w.word)}:*`] : [operand(w.word)]));
}

/**
 * The points of each kind of match (docs/search.md). A kind outweighs the importance of a row up to
 * about 800 times as well known (3 ln 800 = 20 points): the best-known namesake of a first name
 * does not come before the holder of the surname, unless far better known.
 */
const MATCH_POINTS = {
  whole: 100,
  surname: 85,
  /** Every word typed is a word of the surname, not all of it. */
  surnameWord: 80,
  everyWord: 65,
  prefix: 45,
  corrected: 30,
  /** The most for some of the words, in proportion. */
  partial: 20,
  /** Added when the text also begins with what was typed. */
  begins: 5,
} as const;
/** Points for importance: this many times the natural log of 1 + the row's search weight. */
const WEIGHT_POINTS = 3;

/**
 * How well a row answers the phrase, higher is better: the kind of match (MATCH_POINTS), plus
 * 3 ln(1 + weight) for how well known the row is, plus the trigram similarity of the whole text
 * (0 to 1) between rows alike in both.
 */
export function searchScore(columns: SearchColumns, text: SearchText): SQL {
  const p = MATCH_POINTS;
  const begins = sql`${columns.key} collate "C" like ${likePrefix(text.key)}`;
  const whole = columns.otherKey
    ? sql`${columns.key} = ${text.key} or ${columns.otherKey} = ${text.key}`
    : sql`${columns.key} = ${text.key}`;
  // Each query parsed once per statement (a scalar subquery), not once per row: in a prepared
  // statement's generic plan a function of a parameter is not folded into a constant.
  const once = (query: string) => sql`(select to_tsquery('simple', ${query}))`;
  const matches = (query: string) => sql`${columns.document} @@ ${once(query)}`;
  const beginsBonus = sql`(case when ${begins} then ${sql.raw(String(p.begins))} else 0 end)`;
  const tiers: SQL[] = [sql`when ${whole} then ${sql.raw(String(p.whole))}`];
  if (columns.surname) {
    tiers.push(sql`when ${columns.surname} = ${text.key} then ${sql.raw(String(p.surname))}`);
    // Every word typed is a word of the surname: "niro" for De Niro.
    if (text.words.length > 0) {
      tiers.push(sql`when search_document(${columns.surname}) @@ ${once(wholeWordsQuery(text))} then ${sql.raw(String(p.surnameWord))}`);
    }
  }
  let partial = sql`0`;
  if (text.words.length > 0) {
    tiers.push(sql`when ${matches(wholeWordsQuery(text))} then ${sql.raw(String(p.everyWord))} + ${beginsBonus}`);
    tiers.push(sql`when ${matches(typedPrefixQuery(text))} then ${sql.raw(String(p.prefix))} + ${beginsBonus}`);
    tiers.push(sql`when ${matches(anyMatchQuery(text))} then ${sql.raw(String(p.corrected))}`);
    const each = text.words.map((w) => sql`(${matches(andOf([w], (word) => alternativesOf(word)))})::int`);
    partial = sql`${sql.raw(String(p.partial))} * (${sql.join(each, sql` + `)})::float8 / ${sql.raw(String(text.words.length))}`;
  } else {
    tiers.push(sql`when ${begins} then ${sql.raw(String(p.prefix + p.begins))}`);
  }
  return sql`((case ${sql.join(tiers, sql` `)} else ${partial} end)
    + ${sql.raw(String(WEIGHT_POINTS))} * ln(1 + greatest(${columns.weight}, 0)) + similarity(${columns.key}, ${text.key}))::float8`;
}

/**
 * Above this many matches (PostgreSQL's estimate), a phrase is broad ("the", two letters): reading
 * every match first and ranking them all took seconds over a million titles.
 */
const BROAD_MATCHES = 20_000;
/** A broad phrase ranked by relevance ranks this many of each kind of candidate, at most. */
const BROAD_CANDIDATES = 1_000;

/** A table a list reads and searches: movies or people. */
export interface SearchedTable {
  name: 'movie' | 'person';
  alias: 'm' | 'p';
  id: SQL;
  columns: SearchColumns;
  /**
   * A sort along which a word's matches bunch up: people's names sort by surname first, so the
   * 30,000 Smiths of 3M people lie in one stretch that a walk from "a" reaches after millions of
   * rows. A broad phrase sorted by it reads its matches first, as a narrow one does.
   */
  bunchedSort?: string;
}

/**
 * The rows a list reads, as the table's alias. With a search, the matches come first, through
 * the search indexes, fenced (OFFSET 0) so that the planner cannot walk a sort's index instead and
 * test every row against the words: a rare word would then read the whole table to fill a page.
 * A broad phrase (over BROAD_MATCHES) is the other way round: sorted by a field, the sort's index
 * is walked and each row tested, since matches are everywhere along it; ranked by relevance, every
 * match where the list's other `conditions` make them few (the planner starts from the rarer),
 * else only its best candidates (broadCandidates).
 */
export async function searchListSource(
  db: Database,
  table: SearchedTable,
  text: SearchText | undefined,
  { sort, conditions, broadMatches = BROAD_MATCHES }: { sort: string | undefined; conditions: SQL[]; broadMatches?: number },
): Promise<SQL> {
  const from = sql.raw(`${table.name} ${table.alias}`);
  if (!text) return from;
  const alias = sql.raw(table.alias);
  const match = matchCondition(table.columns, text);
  const bySort = sort !== undefined && sort !== 'relevance';
  // The phrase's own matches first, fenced: a rare word's through the search indexes, and any
  // phrase's along a sort where its matches bunch up (no estimate needed for that one).
  const fenced = sql`(select * from ${from} where ${match} offset 0) ${alias}`;
  if (bySort && sort.replace(/^-/, '') === table.bunchedSort) return fenced;
  if ((await estimatedMatches(db, table, text, [])) <= broadMatches) return fenced;
  // A broad phrase sorted by a field, the title included ("the" by title: 386,000 matches over a
  // million titles, read and sorted, took 2 s; along the title index, a page is a few rows).
  if (bySort) return sql`(select * from ${from} where ${match}) ${alias}`;
  // A broad phrase that the list's other filters make narrow (a common word in a rare genre): the
  // planner starts from whichever is the rarer, and every match is ranked.
  if (conditions.length > 0 && (await estimatedMatches(db, table, text, conditions)) <= broadMatches) {
    return sql`(select * from ${from} where ${sql.join([match, ...conditions], sql` and `)}) ${alias}`;
  }
  return sql`(select * from ${from} where ${table.id} in (${broadCandidates(table, text, conditions)})) ${alias}`;
}

/**
 * How many rows of the table the planner expects the phrase to match, with the list's other
 * conditions: a plan, not a count (a rare genre makes a broad word narrow again).
 */
export async function estimatedMatches(db: Database, table: SearchedTable, text: SearchText, conditions: SQL[]): Promise<number> {
  const where = sql.join([matchCondition(table.columns, text), ...conditions], sql` and `);
  const explain = sql`explain (format json) select 1 from ${sql.raw(`${table.name} ${table.alias}`)} where ${where}`;
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(explain));
  const value = row ? Object.values(row)[0] : undefined;
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: { 'Plan Rows': number } }] | undefined;
  return plan?.[0]?.Plan['Plan Rows'] ?? 0;
}

/**
 * The ids a list ranks for a broad phrase: the whole-text matches, and the most popular of the
 * text's beginning matches and of all matches, each bounded, each read in order of search weight (an
 * index walk, since a broad phrase matches rows all along it). `conditions` are the list's
 * other filters, so that they pick among all matches, not among a few.
 */
function broadCandidates({ name, alias, id, columns }: SearchedTable, text: SearchText, conditions: SQL[]): SQL {
  const from = sql.raw(`${name} ${alias}`);
  const where = (match: SQL) => sql.join([match, ...conditions], sql` and `);
  const limit = sql.raw(String(BROAD_CANDIDATES));
  return sql`(select ${id} from ${from} where ${where(sql`${columns.key} collate "C" = ${text.key}`)} limit ${limit})
    union (select ${id} from ${from} where ${where(sql`${columns.key} collate "C" like ${likePrefix(text.key)}`)}
      order by ${columns.weight} desc, ${id} limit ${limit})
    union (select ${id} from ${from} where ${where(matchCondition(columns, text))} order by ${columns.weight} desc, ${id} limit ${limit})`;
}

/** `lower(column)` contains `q` (LIKE wildcards in it matched literally), and begins with it. */
export function nameMatch(column: SQL, q: string): { contains: SQL; begins: SQL } {
  const begins = likePrefix(q);
  return { contains: sql`lower(${column}) like lower(${`%${begins}`})`, begins: sql`lower(${column}) like lower(${begins})` };
}
