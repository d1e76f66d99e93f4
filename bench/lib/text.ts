// Titles, names and descriptions for the synthetic catalogue. Titles and names draw from a real
// catalogue's vocabulary (vocabulary.ts: tens of thousands of words and names, a few common and most
// rare) in the shapes real titles take; descriptions, keywords and companies from the word lists.
import { type Random, weightedPicker } from './random.js';
import { GIVEN_NAMES, SURNAMES, TITLE_WORDS } from './vocabulary.js';
import {
  CHARACTER_EXTRAS,
  CHARACTER_TITLES,
  LAST_NAMES,
  STORY_VERBS,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  TITLE_PLACES,
  TITLE_PLURALS,
} from './words.js';

type Shape = (random: Random) => string;

const word: Shape = (r) => TITLE_WORDS.pick(r);
const firstName: Shape = (r) => GIVEN_NAMES.pick(r);
const surname: Shape = (r) => SURNAMES.pick(r);
const adjective: Shape = (r) => r.pick(TITLE_ADJECTIVES);
const noun: Shape = (r) => r.pick(TITLE_NOUNS);
const place: Shape = (r) => r.pick(TITLE_PLACES);

// Two-word titles are the most common, as they are among real films.
const titleShape = weightedPicker<Shape>([
  [(r) => word(r), 8],
  [(r) => `${word(r)} ${word(r)}`, 24],
  [(r) => `The ${word(r)} ${word(r)}`, 12],
  [(r) => `The ${word(r)}`, 8],
  [(r) => `${word(r)} of ${place(r)}`, 5],
  [(r) => `The ${word(r)} of ${word(r)}`, 6],
  [(r) => `${word(r)} ${word(r)} ${word(r)}`, 6],
  [(r) => `${word(r)} of the ${word(r)}`, 6],
  [(r) => place(r), 3],
  [(r) => `${word(r)} ${place(r)}`, 3],
  [(r) => `The ${word(r)} and the ${word(r)}`, 5],
  [(r) => `${word(r)} in ${place(r)}`, 5],
  [(r) => `A ${word(r)} for ${firstName(r)}`, 4],
  [(r) => `${firstName(r)} ${surname(r)}`, 2],
]);

const SEQUELS = [': Part II', ': Part III', ' 2', ' 3', ': The Return'];

/** One to five words; a few short ones get a sequel's suffix. */
export function movieTitle(random: Random): string {
  const title = titleShape(random)(random);
  if (title.split(' ').length <= 3 && random.chance(0.05)) return title + random.pick(SEQUELS);
  return title;
}

/** A one-line synopsis ("A lonely sailor must rescue the crown before the winter ends."). */
export function movieDescription(random: Random): string {
  const who = `${adjective(random).toLowerCase()} ${noun(random).toLowerCase()}`;
  const what = `the ${noun(random).toLowerCase()}`;
  const where = place(random);
  switch (random.int(0, 2)) {
    case 0:
      return `A ${who} must ${random.pick(STORY_VERBS)} ${what} before it is too late.`;
    case 1:
      return `In ${where}, a ${who} tries to ${random.pick(STORY_VERBS)} ${what}.`;
    default:
      return `The story of a ${who} who could not ${random.pick(STORY_VERBS)} ${what} of ${where}.`;
  }
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** First and last name; about one in a hundred goes by one name (an empty last name). */
export function personName(random: Random): PersonName {
  const given = firstName(random);
  return { firstName: given, lastName: random.chance(0.01) ? '' : surname(random) };
}

export function personBiography(random: Random, name: PersonName, birthYear: number | null): string {
  const born = birthYear === null ? `Born in ${place(random)}` : `Born in ${place(random)} in ${birthYear}`;
  return `${born}, ${name.firstName} ${name.lastName} is known for ${movieTitle(random)}.`.replace(/ {2}/g, ' ');
}

const characterShape = weightedPicker<Shape>([
  [(r) => firstName(r), 45],
  [(r) => `${firstName(r)} ${surname(r)}`, 25],
  [(r) => `${r.pick(CHARACTER_TITLES)} ${surname(r)}`, 15],
  [(r) => r.pick(CHARACTER_EXTRAS), 10],
  [(r) => `${r.pick(CHARACTER_EXTRAS)} #${r.int(1, 4)}`, 5],
]);

export function characterName(random: Random): string {
  return characterShape(random)(random);
}

/** A few words about a character ("Lonely sailor", "Wicked judge"). */
export function characterDescription(random: Random): string {
  return `${adjective(random)} ${noun(random).toLowerCase()}`;
}

/**
 * The index-th of a list of distinct names: each form in turn enumerates its product of word lists,
 * and past the end of all of them the names repeat with a number ("haunted harbor 2").
 */
function nthOfProduct(index: number, forms: readonly (readonly (readonly string[])[])[], join: (words: string[]) => string): string {
  const sizes = forms.map((lists) => lists.reduce((product, list) => product * list.length, 1));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const round = Math.floor(index / total);
  let rest = index % total;
  let form = 0;
  while (rest >= sizes[form]!) rest -= sizes[form++]!;
  const words: string[] = [];
  for (const list of forms[form]!) {
    words.push(list[rest % list.length]!);
    rest = Math.floor(rest / list.length);
  }
  const name = join(words);
  return round === 0 ? name : `${name} ${round + 1}`;
}

const lower = (list: readonly string[]) => list.map((word) => word.toLowerCase());
const KEYWORD_FORMS = [
  [lower(TITLE_NOUNS)],
  [lower(TITLE_ADJECTIVES), lower(TITLE_NOUNS)],
  [lower(TITLE_ADJECTIVES), lower(TITLE_PLURALS)],
  [lower(TITLE_NOUNS), ['in'], TITLE_PLACES],
];

/** Keyword names as TMDB writes them, in lower case ("harbor", "haunted harbor", "spy in Berlin"); distinct for every index. */
export function keywordName(index: number): string {
  return nthOfProduct(index, KEYWORD_FORMS, (words) => words.join(' '));
}

const COMPANY_KINDS = ['Pictures', 'Films', 'Studios', 'Entertainment', 'Productions', 'Media', 'Film Company', 'Cinema', 'Animation'];
const COMPANY_FORMS = [
  [LAST_NAMES.filter((name) => name !== ''), COMPANY_KINDS],
  [TITLE_PLACES, COMPANY_KINDS],
  [TITLE_ADJECTIVES, TITLE_NOUNS, COMPANY_KINDS],
];

/** Production company names ("Müller Films", "Berlin Studios", "Silent Harbor Pictures"); distinct for every index. */
export function companyName(index: number): string {
  return nthOfProduct(index, COMPANY_FORMS, (words) => words.join(' '));
}
