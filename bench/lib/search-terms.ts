// What people type into a search box, drawn from the same word lists as the catalogue: one or two
// words, most with one typo (a letter replaced, dropped, or two swapped), some only the first
// letters of a word (autocomplete), some spelt right.
import { type Random, weightedPicker } from './random.js';
import { FIRST_NAMES, LAST_NAMES, TITLE_ADJECTIVES, TITLE_NOUNS, TITLE_PLACES } from './words.js';

const WORDS = [...TITLE_ADJECTIVES, ...TITLE_NOUNS, ...TITLE_PLACES.filter((place) => !place.includes(' ')), ...FIRST_NAMES, ...LAST_NAMES];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type Fragment = (random: Random) => string;

const fragment = weightedPicker<Fragment>([
  [(r) => misspelt(r, word(r)), 45],
  [(r) => twoWords(r, true), 20],
  [(r) => prefix(r, word(r)), 15],
  [(r) => word(r), 10],
  [(r) => twoWords(r, false), 10],
]);

/** A pool of search fragments to draw from during the run. */
export function searchFragments(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => fragment(random)(random));
}

function word(random: Random): string {
  const chosen = random.pick(WORDS);
  // People type in lower case as often as not.
  return random.chance(0.5) ? chosen.toLowerCase() : chosen;
}

/** A first and last name, or an adjective and a noun, as a title or a person is remembered. */
function twoWords(random: Random, withTypo: boolean): string {
  const [first, second] = random.chance(0.5)
    ? [random.pick(FIRST_NAMES), random.pick(LAST_NAMES)]
    : [random.pick(TITLE_ADJECTIVES), random.pick(TITLE_NOUNS)];
  if (!withTypo) return `${first} ${second}`;
  return random.chance(0.5) ? `${misspelt(random, first)} ${second}` : `${first} ${misspelt(random, second)}`;
}

function prefix(random: Random, value: string): string {
  return value.slice(0, Math.min(value.length, random.int(2, 4)));
}

/** One typo, away from the first letter (people seldom get that one wrong): replace, drop or swap. */
function misspelt(random: Random, value: string): string {
  if (value.length < 4) return value;
  const at = random.int(1, value.length - 2);
  switch (random.int(0, 2)) {
    case 0: {
      const replacement = LETTERS[(LETTERS.indexOf(value[at]!.toLowerCase()) + random.int(1, 25)) % 26]!;
      return value.slice(0, at) + replacement + value.slice(at + 1);
    }
    case 1:
      return value.slice(0, at) + value.slice(at + 1);
    default:
      return value.slice(0, at) + value[at + 1]! + value[at]! + value.slice(at + 2);
  }
}
