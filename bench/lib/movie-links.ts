// TMDB's lists around a movie, drawn with each movie: keywords and companies (tables of their own,
// a few very common and most rare), spoken languages, every production country and the crew.
// They draw from streams of their own, so the rest of the catalogue is the same with or without them.
import type { Sql } from 'postgres';
import { type CopyStream, openCopy } from './copy.js';
import { type Random, createRandom, spreadIds, weightedPicker } from './random.js';
import { companyName, keywordName } from './text.js';

export interface LinkScale {
  movies: number;
  persons: number;
  keywords: number;
  companies: number;
}

export interface LinkReference {
  countries: { id: number; code: string }[];
  languages: string[];
  departments: { id: number; name: string }[];
}

// Streams of their own (catalogue.ts uses 1 to 5).
const PART = { names: 6, links: 7, crew: 8 } as const;

/** Keywords and companies, ids 1..n. A company has an origin country two times in three. */
export async function generateKeywordsAndCompanies(
  sql: Sql,
  scale: LinkScale,
  country: (random: Random) => number,
  seed: number,
): Promise<{ keywords: number; companies: number }> {
  const random = createRandom(seed, PART.names);
  const [keywords, companies] = await Promise.all([
    openCopy(sql, { table: 'keyword', columns: ['keyword_id', 'name'] }),
    openCopy(sql, { table: 'company', columns: ['company_id', 'name', 'origin_country_id'] }),
  ]);
  for (let index = 0; index < scale.keywords; index++) {
    keywords.row([index + 1, keywordName(index)]);
    await drained(keywords);
  }
  for (let index = 0; index < scale.companies; index++) {
    companies.row([index + 1, companyName(index), random.chance(2 / 3) ? country(random) : null]);
    await drained(companies);
  }
  const [keywordCount, companyCount] = await Promise.all([keywords.end(), companies.end()]);
  return { keywords: keywordCount, companies: companyCount };
}

/** What a movie's lists depend on, as the movie was drawn. */
export interface MovieBasics {
  movieId: number;
  countryId: number | null;
  directorId: number | null;
  originalLanguage: string | null;
}

export interface LinkCounts {
  movieKeywords: number;
  movieCompanies: number;
  movieLanguages: number;
  movieCountries: number;
  crewCredits: number;
}

export interface MovieLinks {
  add(movie: MovieBasics): void;
  drained(): Promise<void>;
  end(): Promise<LinkCounts>;
}

// The jobs of a crew besides its director (movie.director_id, credited as Directing / Director),
// each with the chance a movie has it and at most how many people hold it: about 10 credits a movie.
const CREW_JOBS: { department: string; job: string; chance: number; most: number }[] = [
  { department: 'Directing', job: 'Assistant Director', chance: 0.3, most: 1 },
  { department: 'Writing', job: 'Screenplay', chance: 0.85, most: 2 },
  { department: 'Writing', job: 'Novel', chance: 0.15, most: 1 },
  { department: 'Production', job: 'Producer', chance: 0.9, most: 2 },
  { department: 'Production', job: 'Executive Producer', chance: 0.5, most: 2 },
  { department: 'Production', job: 'Casting', chance: 0.4, most: 1 },
  { department: 'Editing', job: 'Editor', chance: 0.85, most: 1 },
  { department: 'Camera', job: 'Director of Photography', chance: 0.85, most: 1 },
  { department: 'Sound', job: 'Original Music Composer', chance: 0.8, most: 1 },
  { department: 'Sound', job: 'Sound Designer', chance: 0.2, most: 1 },
  { department: 'Art', job: 'Production Design', chance: 0.6, most: 1 },
  { department: 'Art', job: 'Art Direction', chance: 0.3, most: 1 },
  { department: 'Costume & Make-Up', job: 'Costume Design', chance: 0.5, most: 1 },
  { department: 'Costume & Make-Up', job: 'Makeup Artist', chance: 0.3, most: 1 },
  { department: 'Crew', job: 'Stunt Coordinator', chance: 0.2, most: 1 },
  { department: 'Visual Effects', job: 'Visual Effects Supervisor', chance: 0.3, most: 1 },
  { department: 'Lighting', job: 'Gaffer', chance: 0.2, most: 1 },
  { department: 'Actors', job: 'Special Guest', chance: 0.02, most: 1 },
];

/** The job the director's credit has; verify.ts checks that every director has it. */
export const DIRECTOR_JOB = { department: 'Directing', job: 'Director' } as const;

/** Each department's people: 2% of everyone, the busiest of them in hundreds of movies. */
const CREW_POOL_SHARE = 0.02;

// Spoken languages besides the original one: English by far, then the big film languages, then
// every other language a little.
const SPOKEN_WEIGHTS: Record<string, number> = {
  en: 30,
  fr: 6,
  es: 6,
  de: 5,
  it: 4,
  ja: 3,
  ru: 3,
  zh: 3,
  pt: 2,
  ar: 2,
  hi: 2,
  ko: 2,
};

const KEYWORD_SKEW = 2.5;
const COMPANY_SKEW = 2;

export async function openMovieLinks(
  sql: Sql,
  scale: LinkScale,
  reference: LinkReference,
  country: (random: Random) => number,
  seed: number,
): Promise<MovieLinks> {
  const random = createRandom(seed, PART.links);
  const crewRandom = createRandom(seed, PART.crew);
  const keywordOf = spreadIds(scale.keywords, 7_919, 17);
  const companyOf = spreadIds(scale.companies, 104_729, 31);
  const spoken = weightedPicker(reference.languages.map((code) => [code, SPOKEN_WEIGHTS[code] ?? 0.1] as const));
  const companyCount = weightedPicker([
    [1, 60],
    [2, 30],
    [3, 10],
  ] as const);
  const extraCount = weightedPicker([
    [0, 70],
    [1, 22],
    [2, 8],
  ] as const);

  const departmentId = new Map(reference.departments.map((department) => [department.name, department.id]));
  const idOf = (department: string) => {
    const id = departmentId.get(department);
    if (id === undefined) throw new Error(`The migrations seeded no department "${department}"`);
    return id;
  };
  const pool = Math.max(1, Math.round(scale.persons * CREW_POOL_SHARE));
  const jobs = CREW_JOBS.map((job, index) => ({
    ...job,
    departmentId: idOf(job.department),
    // Each job's people from their own order, so that people keep to a trade.
    personOf: spreadIds(scale.persons, 2_750_159 + 7_919 * index, 101 * (index + 1)),
  }));
  const director = idOf(DIRECTOR_JOB.department);
  const writing = idOf('Writing');

  const [keywords, companies, languages, countries, crew] = await Promise.all([
    openCopy(sql, { table: 'movie_keyword', columns: ['movie_id', 'keyword_id'] }),
    openCopy(sql, { table: 'movie_company', columns: ['movie_id', 'company_id', 'position'] }),
    openCopy(sql, { table: 'movie_language', columns: ['movie_id', 'language_code', 'position'] }),
    openCopy(sql, { table: 'movie_country', columns: ['movie_id', 'country_id', 'position'] }),
    openCopy(sql, { table: 'crew_credit', columns: ['credit_id', 'movie_id', 'person_id', 'department_id', 'job'] }),
  ]);
  const streams: CopyStream[] = [keywords, companies, languages, countries, crew];

  /** `values` grown to n distinct values by `draw`; a repeat is drawn again from `fallback`. */
  const distinct = <T>(values: T[], n: number, draw: () => T, fallback: () => T): T[] => {
    while (values.length < n) {
      let value = draw();
      while (values.includes(value)) value = fallback();
      values.push(value);
    }
    return values;
  };

  let creditId = 0;
  return {
    add({ movieId, countryId, directorId, originalLanguage }) {
      const keywordIds = distinct(
        [],
        Math.min(random.int(0, 10), scale.keywords),
        () => keywordOf(random.skewedRank(scale.keywords, KEYWORD_SKEW)),
        () => random.int(1, scale.keywords),
      );
      for (const keywordId of keywordIds.sort((a, b) => a - b)) keywords.row([movieId, keywordId]);

      const companyIds = distinct(
        [],
        Math.min(companyCount(random), scale.companies),
        () => companyOf(random.skewedRank(scale.companies, COMPANY_SKEW)),
        () => random.int(1, scale.companies),
      );
      companyIds.forEach((companyId, position) => companies.row([movieId, companyId, position]));

      // The original language is spoken first; a movie without one gets a drawn one.
      const codes = distinct(
        [originalLanguage ?? spoken(random)],
        1 + extraCount(random),
        () => spoken(random),
        () => spoken(random),
      );
      codes.forEach((code, position) => languages.row([movieId, code, position]));

      // movie.country_id heads the list (the trigger's rule); a movie without one has none.
      if (countryId !== null) {
        const countryIds = distinct(
          [countryId],
          1 + extraCount(random),
          () => country(random),
          () => country(random),
        );
        countryIds.forEach((id, position) => countries.row([movieId, id, position]));
      }

      const credited = new Set<string>();
      const credit = (personId: number, department: number, job: string) => {
        credited.add(`${personId}\t${job}`);
        crew.row([++creditId, movieId, personId, department, job]);
      };
      if (directorId !== null) credit(directorId, director, DIRECTOR_JOB.job);
      for (const job of jobs) {
        if (!crewRandom.chance(job.chance)) continue;
        const holders = job.most === 1 ? 1 : crewRandom.int(1, job.most);
        for (let n = 0; n < holders; n++) {
          // Three directors in ten write their own screenplay.
          let personId =
            n === 0 && job.departmentId === writing && directorId !== null && crewRandom.chance(0.3)
              ? directorId
              : job.personOf(crewRandom.skewedRank(pool, 1.5));
          while (credited.has(`${personId}\t${job.job}`)) personId = crewRandom.int(1, scale.persons);
          credit(personId, job.departmentId, job.job);
        }
      }
    },
    async drained() {
      await drained(...streams);
    },
    async end() {
      const [movieKeywords, movieCompanies, movieLanguages, movieCountries, crewCredits] = await Promise.all(
        streams.map((stream) => stream.end()),
      );
      return {
        movieKeywords: movieKeywords!,
        movieCompanies: movieCompanies!,
        movieLanguages: movieLanguages!,
        movieCountries: movieCountries!,
        crewCredits: crewCredits!,
      };
    },
  };
}

async function drained(...streams: CopyStream[]): Promise<void> {
  for (const stream of streams) {
    const pending = stream.drained();
    if (pending) await pending;
  }
}
