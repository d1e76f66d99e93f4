// How TMDB's data becomes moviedb's (docs/import.md): pure functions, no I/O.
import type { CHARACTER_ROLES, movieStatusEnum } from '../../db/schema.js';

/**
 * The shared credits lost the backslash of every \uXXXX escape ("Lu00e9a Seydoux"). Only sequences
 * that are certainly escapes are repaired: lower-case hex in the ranges of accented Latin, Greek,
 * Cyrillic and typographic punctuation. "Cuddeback", "Studebaker" or "Bluebeard" hold "u" and four
 * hex letters too, but in surrogate or private-use ranges that no name contains, so they stay.
 */
const LOST_ESCAPE = /u(00[89a-f][0-9a-f]|01[0-9a-f]{2}|02[0-4][0-9a-f]|03[7-9a-f][0-9a-f]|04[0-9a-f]{2}|20[12][0-9a-f])/g;

export function repairEscapes(text: string): string {
  return text.replace(LOST_ESCAPE, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Words that belong to the surname that follows them ("Robert De Niro": "De Niro"; "Ludwig Mies van
 * der Rohe": "van der Rohe"; "Guillermo del Toro"), compared without case.
 */
const SURNAME_PARTICLES = new Set([
  'al',
  'bin',
  'binti',
  'bint',
  'da',
  'das',
  'de',
  'degli',
  'del',
  'dela',
  'della',
  'delle',
  'dello',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'lo',
  'mac',
  'op',
  "'t",
  'st.',
  'te',
  'ten',
  'ter',
  'van',
  'vande',
  'vander',
  'von',
  'zu',
]);

/** Words that end a name after the surname ("Robert Downey Jr.": "Downey Jr."). */
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/**
 * TMDB keeps one name; it is split at a space so that first + " " + last gives it back exactly. The
 * surname is the last word, with the particles before it (de, van der, del, bin, ...) and a suffix
 * after it (Jr., III); the first name is never left empty ("De Niro" alone: "De" / "Niro").
 */
export function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  const words = [...trimmed.matchAll(/\S+/g)].map((match) => ({ text: match[0].toLowerCase(), start: match.index }));
  if (words.length < 2) return { firstName: trimmed, lastName: '' };
  let surname = words.length - 1;
  if (NAME_SUFFIXES.has(words[surname]!.text.replace(/,$/, '')) && surname > 1) surname--;
  while (surname > 1 && SURNAME_PARTICLES.has(words[surname - 1]!.text)) surname--;
  const cut = words[surname]!.start;
  return { firstName: trimmed.slice(0, cut).trimEnd(), lastName: trimmed.slice(cut) };
}

export type CharacterRole = (typeof CHARACTER_ROLES)[number];

/** Billing order 0-2 leading, 3-9 supporting, 10 on background. */
export function roleForOrder(order: number): CharacterRole {
  if (order <= 2) return 'leading';
  if (order <= 9) return 'supporting';
  return 'background';
}

/** TMDB's gender codes: 1 female, 2 male, anything else unknown. */
export function genderOf(code: unknown): 'female' | 'male' | 'unknown' {
  const value = Number(code);
  return value === 1 ? 'female' : value === 2 ? 'male' : 'unknown';
}

/** Budget 0 means unknown. */
export function budgetOf(raw: string): number | null {
  const value = Number(raw);
  return raw.trim() === '' || !Number.isFinite(value) || value <= 0 ? null : Math.round(value * 100) / 100;
}

/** Runtime in minutes; 0 or empty means unknown; "98.0" is 98. */
export function runtimeOf(raw: string): number | null {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) return null;
  return Math.min(Math.round(value), 1440);
}

/** An ISO date, or null for empty or impossible ones. */
export function dateOf(raw: string): string | null {
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : value;
}

/**
 * At most `max` characters, counted as PostgreSQL and the API count them (code points): cutting
 * UTF-16 units could split a surrogate pair, and PostgreSQL refuses the half left over.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('');
}

const maybeTruncate = (text: string | null, max: number) => (text === null ? null : truncate(text, max));

/** Empty text is no text. */
export function textOf(raw: string | undefined): string | null {
  const value = raw?.trim();
  return value ? value : null;
}

export type MovieStatus = (typeof movieStatusEnum.enumValues)[number];

/** TMDB's statuses as it spells them. */
const STATUSES: Record<string, MovieStatus> = {
  rumored: 'rumored',
  planned: 'planned',
  'in production': 'in_production',
  'post production': 'post_production',
  released: 'released',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/** A number in a range, or null for empty, malformed or out-of-range text. */
function numberIn(raw: string | undefined, min: number, max: number): number | null {
  const text = raw?.trim() ?? '';
  const value = Number(text);
  return text === '' || !Number.isFinite(value) || value < min || value > max ? null : value;
}

/**
 * An http(s) address as the API accepts it (an RFC 3986 URI): the first of several separated by
 * spaces, with what a URI may not hold percent-encoded ({ and } in a query).
 */
export function homepageOf(raw: string | null): string | null {
  const first = raw?.split(/\s+/)[0];
  if (!first || !/^https?:\/\//i.test(first)) return null;
  try {
    // WHATWG's URL encodes spaces and non-ASCII letters but leaves { } | ^ ` and the backslash in a query.
    const href = new URL(first).href.replace(
      /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    return href.length <= 2_000 ? href : null;
  } catch {
    return null;
  }
}

/**
 * The movie's facts beside the diagram's, from a row of tmdb_5000_movies.csv (each column may be
 * missing): revenue 0 is unknown (as budget), an average only with at least one vote, a homepage only if
 * it is an http(s) address, a language code only as ISO 639-1 letters.
 */
export function movieFactsOf(values: Record<string, string | undefined>) {
  const voteCount = numberIn(values.vote_count, 0, 2_147_483_647);
  const votes = voteCount !== null && Number.isInteger(voteCount) ? voteCount : null;
  const average = numberIn(values.vote_average, 0, 10);
  const language = values.original_language?.trim().toLowerCase() ?? '';
  const homepage = textOf(values.homepage);
  const revenue = budgetOf(values.revenue ?? '');
  const popularity = numberIn(values.popularity, 0, 1e9);
  return {
    originalTitle: maybeTruncate(textOf(values.original_title), 300) ?? null,
    originalLanguage: /^[a-z]{2,3}$/.test(language) ? language : null,
    tagline: maybeTruncate(textOf(values.tagline), 1_000) ?? null,
    status: STATUSES[values.status?.trim().toLowerCase() ?? ''] ?? null,
    homepage: homepageOf(homepage),
    revenue: revenue !== null && revenue <= 999_999_999_999.99 ? revenue : null,
    popularity: popularity === null ? null : Math.round(popularity * 1e6) / 1e6,
    voteAverage: !votes || average === null ? null : Math.round(average * 10) / 10,
    voteCount: votes,
  };
}
