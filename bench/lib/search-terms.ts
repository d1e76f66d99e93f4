// What people type into a search box, drawn from the catalogue's vocabulary with the catalogue's
// skew (the popular words and names are searched most): a title word or a surname, a first and
// last name or two words of a title, most with one typo (a letter replaced, dropped, or two
// swapped), some only the first letters of a word (autocomplete), some spelt right.
import { type Random, weightedPicker } from './random.js';
import { GIVEN_NAMES, SURNAMES, TITLE_WORDS } from './vocabulary.js';

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
  const roll = random.next();
  const chosen = (roll < 0.5 ? TITLE_WORDS : roll < 0.85 ? SURNAMES : GIVEN_NAMES).pick(random);
  // People type in lower case as often as not.
  return random.chance(0.5) ? chosen.toLowerCase() : chosen;
}

/** A first and last name, or two words as in the catalogue's two-word titles, as a person or a title is remembered. */
function twoWords(random: Random, withTypo: boolean): string {
  const [first, second] = random.chance(0.5)
    ? [GIVEN_NAMES.pick(random), SURNAMES.pick(random)]
    : [TITLE_WORDS.pick(random), TITLE_WORDS.pick(random)];
  if (!withTypo) return `${first} ${second}`;
  return random.chance(0.5) ? `${misspelt(random, first)} ${second}` : `${first} ${misspelt(random, second)}`;
}

/** The first 3 to 6 letters, as an autocomplete sees them. */
function prefix(random: Random, value: string): string {
  return value.slice(0, Math.min(value.length, random.int(3, 6)));
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
