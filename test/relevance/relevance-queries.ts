// The relevance test set of issue 18: search queries derived from the TMDB 5000 files by stated
// rules, each with the answer a user most likely wants, decided from the files' credits and votes
// alone (never from the search's own ranking), so that the set follows the data, not the code.
import { readCsv } from '../../src/modules/imports/csv-source.js';
import { repairEscapes } from '../../src/modules/imports/tmdb-mapping.js';

export interface TmdbFiles {
  movies: string;
  persons: string;
  cast: string;
  crew: string;
}

export const QUERY_KINDS = [
  'surname',
  'full name',
  'full name, one typo',
  'name without accents',
  'exact title',
  'title, one typo',
  'franchise words',
  'autocomplete prefix',
  'short ambiguous word',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** How many queries of each kind the set takes, at most (the first that pass each rule). */
const WANTED: Record<QueryKind, number> = {
  surname: 12,
  'full name': 8,
  'full name, one typo': 8,
  'name without accents': 5,
  'exact title': 8,
  'title, one typo': 8,
  'franchise words': 6,
  'autocomplete prefix': 10,
  'short ambiguous word': 8,
};

/** Credits that make a person known: a billing in a cast's first ten, or one of these crew jobs. */
const KEY_JOBS = new Set(['Director', 'Screenplay', 'Writer', 'Original Music Composer']);
const KEY_BILLING = 10;
/** The items of the other kind that can compete with an answer: the most voted movies, the most credited people. */
const STRONG_OTHER_KIND = 1000;
/** Titles that may share a short word for it to be one a user would search for ("the" is in a thousand). */
const MAX_TITLES_SHARING = 40;
/** Franchise phrases; only the phrase is chosen here, the answer comes from the votes. */
const FRANCHISES = ['harry potter', 'lord of the rings', 'star wars', 'toy story', 'pirates of the caribbean', 'hunger games'];

/** Each kind's rule, as the report prints it. */
export const RULES: Record<QueryKind, string> = {
  surname:
    "the last word (4+ letters) of the most credited people's names; expected: the holder of that surname with the most key " +
    'credits, kept when they have at least twice the key credits of the next person holding the word anywhere in a name',
  'full name': 'the most credited people, full name as written; names two people share are left out',
  'full name, one typo':
    'the same people, one letter of the surname (never the first) doubled, dropped or swapped with the next, chosen by a hash ' +
    'of the name; left out when the misspelt word is a real word of a name or title',
  'name without accents':
    'the most credited people whose name changes without its accents (NFD, marks removed), typed without them; ' +
    'left out when the plain name is another person’s too',
  'exact title': 'the most voted movies, title as written; titles two movies share are left out',
  'title, one typo':
    'the most voted movies with a word of 6+ letters: one letter (never the first) of the longest such word replaced by a ' +
    'neighbouring key, chosen by a hash of the title; left out when the misspelt word is a real word of a title or name',
  'franchise words': `the phrases ${FRANCHISES.map((f) => `"${f}"`).join(', ')}; expected: the most voted movie whose title holds every word`,
  'autocomplete prefix':
    "alternately the first 5 letters of a most voted movie's longest word (7+ letters), the first 5 letters of a most credited " +
    "person's surname (7+ letters), and a most credited person's name with the surname cut to 2 letters; expected: the most " +
    'voted movie / most credited person holding the whole words and a word that begins with the cut one, kept when it has ' +
    'at least twice the votes / key credits of the next such item of its kind',
  'short ambiguous word':
    'in turn, (a) the most voted movies titled with one word of 2-5 letters that at least 3 titles hold as a word, expected: ' +
    `the most voted movie titled exactly that word; (b) words of 3-5 letters of the most voted movies' titles that 3 to ` +
    `${MAX_TITLES_SHARING} titles hold and none is, expected: the most voted movie holding it, kept when it has at least ` +
    'twice the votes of the next',
};
/** What every kind's rule shares, as the report prints it. */
export const RULES_PREAMBLE =
  `Every kind: people ranked by key credits (each movie's cast billing below ${KEY_BILLING}, or a crew job among ${[...KEY_JOBS].join(', ')}, ` +
  `each movie and role once), movies by vote_count; a query is left out when one of the ${STRONG_OTHER_KIND} most voted movies ` +
  `(for a person) or most credited people (for a movie) holds its words too (the last as a prefix, for an autocomplete), or when its text is already in the set.`;

export interface Expected {
  kind: 'movie' | 'person';
  tmdbId: number;
  /** The title or name, for the report. */
  label: string;
}

export interface RelevanceQuery {
  kind: QueryKind;
  q: string;
  expected: Expected;
}

interface Candidate {
  q: string;
  expected: Item;
}

interface Item extends Expected {
  /** Words of the text, folded (lower case, no accents). */
  words: string[];
  /** The votes of a movie, the key credits of a person. */
  weight: number;
}

export interface RelevanceData {
  movies: Item[];
  persons: Item[];
}

/** Lower case, accents removed: how the rules compare texts. */
const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
const fold = (text: string) => stripAccents(text).toLowerCase();
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const isLetters = (word: string) => /^\p{L}+$/u.test(word);
const byWeight = (a: Item, b: Item) => b.weight - a.weight || a.tmdbId - b.tmdbId;

/** Reads the four files: the movies with their votes, the people with their key credits. */
export async function readRelevanceData(files: TmdbFiles): Promise<RelevanceData> {
  // A row the CSV reader skips would change the set unseen: every one is reported, at the end.
  const badRows: string[] = [];
  const fail = (file: string) => (line: number, reason: string) => badRows.push(`${file}:${line}: ${reason}`);
  const movies: Item[] = [];
  for await (const { values } of readCsv(files.movies, fail(files.movies))) {
    const title = values.title!;
    movies.push({ kind: 'movie', tmdbId: Number(values.id), label: title, words: wordsOf(title), weight: Number(values.vote_count) || 0 });
  }
  const credits = new Map<string, Set<string>>();
  const credit = (person: string, key: string) => {
    const held = credits.get(person) ?? new Set<string>();
    held.add(key);
    credits.set(person, held);
  };
  for await (const { values } of readCsv(files.cast, fail(files.cast))) {
    if (Number(values.cast_order) < KEY_BILLING) credit(values.person_id!, `${values.movie_id}:cast`);
  }
  for await (const { values } of readCsv(files.crew, fail(files.crew))) {
    if (KEY_JOBS.has(values.job!)) credit(values.person_id!, `${values.movie_id}:${values.job}`);
  }
  const persons: Item[] = [];
  for await (const { values } of readCsv(files.persons, fail(files.persons))) {
    // The shared file lost the backslash of its \uXXXX escapes; the import repairs them the same way.
    const name = repairEscapes(values.person_name!.trim());
    if (!name) continue;
    const weight = credits.get(values.person_id!)?.size ?? 0;
    persons.push({ kind: 'person', tmdbId: Number(values.person_id), label: name, words: wordsOf(name), weight });
  }
  if (badRows.length > 0) throw new Error(`Unreadable rows in the TMDB files:\n${badRows.join('\n')}`);
  return { movies: movies.sort(byWeight), persons: persons.sort(byWeight) };
}

/** A 32-bit FNV-1a hash: the seeded, stable choice of where a typo goes. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/** One letter of the word, never the first, doubled, dropped or swapped with the next one. */
function nameTypo(word: string, seed: number): string {
  const letters = [...word];
  const at = 1 + ((seed >>> 2) % (letters.length - 1));
  switch (seed % 3) {
    case 0:
      return [...letters.slice(0, at + 1), letters[at]!, ...letters.slice(at + 1)].join('');
    case 1:
      return [...letters.slice(0, at), ...letters.slice(at + 1)].join('');
    default: {
      // The first pair from `at` on (wrapping, never the first letter) whose letters differ.
      for (let i = 0; i < letters.length - 2; i++) {
        const j = 1 + ((at - 1 + i) % (letters.length - 2));
        if (fold(letters[j]!) !== fold(letters[j + 1]!)) {
          return [...letters.slice(0, j), letters[j + 1]!, letters[j]!, ...letters.slice(j + 2)].join('');
        }
      }
      return [...letters.slice(0, at), ...letters.slice(at + 1)].join('');
    }
  }
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** The keys beside a letter on a QWERTY keyboard, in the same row. */
function neighbours(letter: string): string[] {
  for (const row of KEYBOARD) {
    const i = row.indexOf(letter);
    if (i >= 0) return [row[i - 1], row[i + 1]].filter((key): key is string => key !== undefined);
  }
  return [];
}

/** One letter of the word, never the first, replaced by a key beside it (its case kept). */
function titleTypo(word: string, seed: number): string | undefined {
  const letters = [...word];
  for (let i = 0; i < letters.length - 1; i++) {
    const at = 1 + ((seed + i) % (letters.length - 1));
    const keys = neighbours(fold(letters[at]!));
    if (keys.length === 0) continue;
    const key = keys[(seed >>> 8) % keys.length]!;
    letters[at] = letters[at] === letters[at]!.toUpperCase() ? key.toUpperCase() : key;
    return letters.join('');
  }
  return undefined;
}

/** Whether the item holds every word of the query; the last one, with `prefix`, as the beginning of a word. */
function holds(item: Item, query: string[], prefix: boolean): boolean {
  const whole = prefix ? query.slice(0, -1) : query;
  if (!whole.every((word) => item.words.includes(word))) return false;
  return !prefix || item.words.some((word) => word.startsWith(query.at(-1)!));
}

/**
 * The items holding a query's words, in weight order: read from the items of each word (of each word
 * that begins with the last one, for a prefix) rather than from every item.
 */
function holdersIndex(items: Item[]): (query: string[], prefix: boolean) => Item[] {
  const byWord = new Map<string, Item[]>();
  for (const item of items) {
    for (const word of new Set(item.words)) {
      const list = byWord.get(word) ?? [];
      list.push(item);
      byWord.set(word, list);
    }
  }
  const words = [...byWord.keys()].sort();
  const startingWith = (start: string) => {
    let low = 0;
    for (let high = words.length; low < high;) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < start) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && words[i]!.startsWith(start); i++) found.push(words[i]!);
    return found;
  };
  return (query, prefix) => {
    const whole = prefix ? query.slice(0, -1) : query;
    const lists =
      whole.length > 0 ? whole.map((word) => byWord.get(word) ?? []) : [startingWith(query.at(-1)!).flatMap((w) => byWord.get(w)!)];
    const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    return [...new Set(shortest)].filter((item) => holds(item, query, prefix)).sort(byWeight);
  };
}

export function deriveQueries({ movies, persons }: RelevanceData): RelevanceQuery[] {
  const holders = { movies: holdersIndex(movies), persons: holdersIndex(persons) };
  const set: RelevanceQuery[] = [];
  const texts = new Set<string>();
  const strong = { movie: movies.slice(0, STRONG_OTHER_KIND), person: persons.slice(0, STRONG_OTHER_KIND) };
  const realWords = new Set([...movies, ...persons].flatMap((item) => item.words));
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const nameCounts = tally(persons.map((p) => p.words.join(' ')));
  const titleCounts = tally(movies.map((m) => m.words.join(' ')));
  const titleWordCounts = tally(movies.flatMap((m) => [...new Set(m.words)]));
  const countOf = (kind: QueryKind) => set.filter((query) => query.kind === kind).length;

  /**
   * Adds the query unless the kind has its share, its text is in the set already, or a strong
   * item of the other kind holds its words (`intended`: the text meant, for a misspelt query).
   */
  const add = (kind: QueryKind, q: string, expected: Item, { prefix = false, intended = q } = {}): boolean => {
    if (countOf(kind) >= WANTED[kind] || texts.has(fold(q))) return false;
    const other = strong[expected.kind === 'movie' ? 'person' : 'movie'];
    if (other.some((item) => holds(item, wordsOf(intended), prefix))) return false;
    texts.add(fold(q));
    set.push({ kind, q, expected: { kind: expected.kind, tmdbId: expected.tmdbId, label: expected.label } });
    return true;
  };
  /** The item of most weight among those holding the words, when it has twice the weight of the next. */
  const clearLeader = (kind: keyof typeof holders, query: string[], prefix: boolean): Item | undefined => {
    const [first, second] = holders[kind](query, prefix);
    return first && (!second || first.weight >= 2 * second.weight) ? first : undefined;
  };
  const lastWord = (item: Item) => item.label.split(/\s+/).at(-1)!;
  const uniqueName = (person: Item) => nameCounts.get(person.words.join(' ')) === 1;
  const uniqueTitle = (movie: Item) => titleCounts.get(movie.words.join(' ')) === 1;

  for (const person of persons) {
    const surname = lastWord(person);
    if ([...surname].length < 4 || !isLetters(surname)) continue;
    const leader = clearLeader('persons', [fold(surname)], false);
    if (leader) add('surname', surname, leader);
    if (countOf('surname') >= WANTED.surname) break;
  }

  for (const person of persons.slice(0, 200)) {
    if (!uniqueName(person)) continue;
    add('full name', person.label, person);
    const surname = lastWord(person);
    if ([...surname].length < 4 || !isLetters(surname)) continue;
    const misspelt = nameTypo(surname, hash(person.label));
    if (realWords.has(fold(misspelt))) continue;
    add('full name, one typo', `${person.label.slice(0, -surname.length)}${misspelt}`, person, { intended: person.label });
  }

  for (const person of persons) {
    const plain = stripAccents(person.label);
    if (plain === person.label || !uniqueName(person)) continue;
    add('name without accents', plain, person);
  }

  for (const movie of movies.slice(0, 200)) {
    if (!uniqueTitle(movie)) continue;
    add('exact title', movie.label, movie);
    // The longest word of 6+ letters, the first of equal ones, where the title writes it.
    const spans = [...movie.label.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => isLetters(m[0]) && [...m[0]].length >= 6);
    const longest = spans.reduce<RegExpExecArray | undefined>((best, m) => (!best || m[0].length > best[0].length ? m : best), undefined);
    if (!longest) continue;
    const misspelt = titleTypo(longest[0], hash(movie.label));
    if (!misspelt || realWords.has(fold(misspelt))) continue;
    const q = movie.label.slice(0, longest.index) + misspelt + movie.label.slice(longest.index + longest[0].length);
    add('title, one typo', q, movie, { intended: movie.label });
  }

  for (const phrase of FRANCHISES) {
    const best = movies.find((movie) => holds(movie, wordsOf(phrase), false));
    if (best) add('franchise words', phrase, best);
  }

  /** Candidates from each source in turn (one added from each, then the next round), until the kind has its share. */
  const inTurn = (kind: QueryKind, sources: Iterator<Candidate>[], prefix: boolean) => {
    for (let added = 1; added > 0 && countOf(kind) < WANTED[kind];) {
      added = 0;
      for (const source of sources) {
        for (let next = source.next(); !next.done; next = source.next()) {
          if (add(kind, next.value.q, next.value.expected, { prefix })) {
            added++;
            break;
          }
        }
      }
    }
  };

  // Autocomplete: a movie word, a surname, a name cut short, in turn, each from the top of its list.
  const prefixSources: { kind: keyof typeof holders; cut: (item: Item) => string | undefined }[] = [
    { kind: 'movies', cut: (item) => longestWord(item.words, 7)?.slice(0, 5) },
    {
      kind: 'persons',
      cut: (item) => (item.words.length > 1 && item.words.at(-1)!.length >= 7 ? item.words.at(-1)!.slice(0, 5) : undefined),
    },
    {
      kind: 'persons',
      cut: (item) => (item.words.length > 1 ? [...item.words.slice(0, -1), item.words.at(-1)!.slice(0, 2)].join(' ') : undefined),
    },
  ];
  inTurn(
    'autocomplete prefix',
    prefixSources.map(function* ({ kind, cut }) {
      for (const item of (kind === 'movies' ? movies : persons).slice(0, 500)) {
        const q = cut(item);
        const expected = q && clearLeader(kind, wordsOf(q), true);
        if (q && expected) yield { q, expected };
      }
    }),
    true,
  );

  // Short words: in turn, a one-word title that other titles hold too (the exact title must win), and
  // a word that several titles hold but none is (the votes must decide).
  const shortWord = (word: string | undefined): word is string => word !== undefined && isLetters(word) && word.length <= 5;
  const titled = function* () {
    for (const movie of movies) {
      const [word, ...more] = movie.words;
      if (!shortWord(word) || word.length < 2 || more.length > 0 || (titleWordCounts.get(word) ?? 0) < 3) continue;
      // The most voted movie titled exactly the word: movies are in vote order.
      yield { q: movie.label, expected: movies.find((m) => m.words.length === 1 && m.words[0] === word)! };
    }
  };
  const untitledAnswers = new Set<number>();
  const untitled = function* () {
    for (const movie of movies) {
      for (const word of movie.words) {
        const holders = titleWordCounts.get(word) ?? 0;
        if (!shortWord(word) || word.length < 3 || holders < 3 || holders > MAX_TITLES_SHARING || titleCounts.has(word)) continue;
        const expected = clearLeader('movies', [word], false);
        // One word for each expected movie ("fight" and "club" would both ask for Fight Club).
        if (expected && !untitledAnswers.has(expected.tmdbId)) {
          untitledAnswers.add(expected.tmdbId);
          yield { q: word, expected };
        }
      }
    }
  };
  inTurn('short ambiguous word', [titled(), untitled()], false);
  return set;
}

function longestWord(words: string[], minLength: number): string | undefined {
  const letters = words.filter((word) => isLetters(word) && word.length >= minLength);
  return letters.reduce<string | undefined>((best, word) => (!best || word.length > best.length ? word : best), undefined);
}
