// Reads TMDB 5000 files into one model: movies (with their keywords, companies, spoken languages
// and production countries), people, cast and crew. Two forms of credits:
// Kaggle's JSON-in-CSV (tmdb_5000_credits.csv) and the normalized tables (person, movie_cast,
// movie_crew). A row that cannot be used is skipped with its line number and the reason.
import { checkCsv } from './csv-source.js';
import { creditCollector } from './tmdb-credits.js';
import { readKaggleCredits } from './tmdb-kaggle-credits.js';
import { MOVIE_COLUMNS, readMovies } from './tmdb-movies-file.js';
import { readNormalizedCredits } from './tmdb-normalized-credits.js';
import type { CreditFiles, Reading, TmdbSource } from './tmdb-source-model.js';

/** Checks every file first: a missing file or column stops the import before anything is written. */
export async function checkTmdbFiles(moviesFile: string, credits: CreditFiles): Promise<void> {
  await checkCsv(moviesFile, MOVIE_COLUMNS);
  if (credits.kind === 'kaggle') {
    await checkCsv(credits.credits, ['movie_id', 'cast', 'crew']);
  } else {
    await checkCsv(credits.persons, ['person_id', 'person_name']);
    await checkCsv(credits.cast, ['movie_id', 'person_id', 'character_name', 'gender_id', 'cast_order']);
    await checkCsv(credits.crew, ['movie_id', 'person_id', 'job']);
  }
}

export async function readTmdb(moviesFile: string, credits: CreditFiles): Promise<TmdbSource> {
  const source: TmdbSource = {
    movies: [],
    persons: new Map(),
    cast: [],
    crew: [],
    crewDuplicates: 0,
    directors: new Map(),
    rowsRead: {},
    skipped: [],
  };
  const skip = (file: string, line: number, reason: string) => source.skipped.push({ file, line, reason });
  const count = (file: string) => (source.rowsRead[file] = (source.rowsRead[file] ?? 0) + 1);
  const reading: Reading = { source, skip, count };

  const seenMovies = await readMovies(moviesFile, reading);
  const collector = creditCollector(reading, seenMovies);
  if (credits.kind === 'normalized') await readNormalizedCredits(credits, reading, collector);
  else await readKaggleCredits(credits.credits, reading, collector);
  collector.finish();
  return source;
}
