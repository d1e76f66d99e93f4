// The credits of either form, gathered into the model: each checked against the movies read, a
// crew row the same as one before it kept once, and at the end those of people no file has skipped.
import { genderOf, truncate } from './tmdb-mapping.js';
import type { Reading } from './tmdb-source-model.js';

/** Adds cast and crew rows to the source, each checked against the movies read (`seenMovies`). */
export function creditCollector({ source, skip }: Reading, seenMovies: Set<number>) {
  const crewSeen = new Set<string>();
  const genders = new Map<number, 'female' | 'male' | 'unknown'>();
  const addCredit = (
    file: string,
    line: number,
    movieTmdbId: number | undefined,
    personTmdbId: number | undefined,
    character: string | null,
    order: unknown,
    gender: unknown,
  ) => {
    const billing = Number(order);
    if (!movieTmdbId || !personTmdbId) return skip(file, line, 'cast row without a usable movie or person id');
    if (!seenMovies.has(movieTmdbId)) return skip(file, line, `cast row of movie ${movieTmdbId}, which is not among the movies`);
    if (!Number.isInteger(billing) || billing < 0) return skip(file, line, 'cast row without a usable order');
    source.cast.push({ file, line, movieTmdbId, personTmdbId, character, order: billing });
    const known = genders.get(personTmdbId);
    if (!known || known === 'unknown') genders.set(personTmdbId, genderOf(gender));
  };
  const addCrew = (
    file: string,
    line: number,
    movieTmdbId: number | undefined,
    personTmdbId: number | undefined,
    department: string | undefined,
    rawJob: unknown,
  ) => {
    const job = typeof rawJob === 'string' ? truncate(rawJob.trim(), 200) : '';
    if (!movieTmdbId || !personTmdbId) return skip(file, line, 'crew row without a usable movie or person id');
    if (!seenMovies.has(movieTmdbId)) return skip(file, line, `crew row of movie ${movieTmdbId}, which is not among the movies`);
    if (job === 'Director' && !source.directors.has(movieTmdbId)) source.directors.set(movieTmdbId, personTmdbId);
    if (!department || !job) return skip(file, line, 'crew row without a known department or a job');
    const key = `${movieTmdbId}:${personTmdbId}:${department}:${job}`;
    if (crewSeen.has(key)) {
      source.crewDuplicates++;
      return;
    }
    crewSeen.add(key);
    source.crew.push({ file, line, movieTmdbId, personTmdbId, department, job });
  };

  /** Once every file is read: the people's genders, and the credits of people no file has left out. */
  const finish = () => {
    // A credit naming a person the file does not have cannot be imported.
    source.cast = source.cast.filter((credit) => {
      if (source.persons.has(credit.personTmdbId)) return true;
      skip(credit.file, credit.line, `cast row of person ${credit.personTmdbId}, who is not among the people`);
      return false;
    });
    for (const [movie, director] of source.directors) if (!source.persons.has(director)) source.directors.delete(movie);
    source.crew = source.crew.filter((credit) => {
      if (source.persons.has(credit.personTmdbId)) return true;
      skip(credit.file, credit.line, `crew row of person ${credit.personTmdbId}, who is not among the people`);
      return false;
    });
    for (const [id, person] of source.persons) person.gender = genders.get(id) ?? 'unknown';
  };
  return { addCredit, addCrew, finish };
}

export type Credits = ReturnType<typeof creditCollector>;
