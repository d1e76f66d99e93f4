// Kaggle's credits file (tmdb_5000_credits.csv): a movie a row, its cast and crew as JSON lists in
// two cells; the people are named in the entries.
import { readCsv } from './csv-source.js';
import type { Credits } from './tmdb-credits.js';
import { textOf } from './tmdb-mapping.js';
import { DEPARTMENTS, jsonList, positiveId, type Reading } from './tmdb-source-model.js';

const departmentNamed = (name: unknown) =>
  DEPARTMENTS.find((d) => typeof name === 'string' && d.toLowerCase() === name.trim().toLowerCase());

export async function readKaggleCredits(file: string, { source, count, skip }: Reading, { addCredit, addCrew }: Credits): Promise<void> {
  for await (const { line, values } of readCsv(file, (line, reason) => skip(file, line, reason))) {
    count(file);
    const movieTmdbId = positiveId(values.movie_id);
    const cast = jsonList(values.cast);
    const crew = jsonList(values.crew);
    if (!movieTmdbId) {
      skip(file, line, 'no usable movie id');
      continue;
    }
    if (!cast || !crew) {
      skip(file, line, 'cast or crew is not a JSON list');
      continue;
    }
    for (const entry of cast as { id?: unknown; name?: unknown; character?: unknown; order?: unknown; gender?: unknown }[]) {
      const personTmdbId = positiveId(entry.id);
      if (personTmdbId && typeof entry.name === 'string' && entry.name.trim() && !source.persons.has(personTmdbId)) {
        source.persons.set(personTmdbId, { name: entry.name.trim(), gender: 'unknown' });
      }
      addCredit(
        file,
        line,
        movieTmdbId,
        personTmdbId,
        textOf(typeof entry.character === 'string' ? entry.character : ''),
        entry.order,
        entry.gender,
      );
    }
    for (const entry of crew as { id?: unknown; name?: unknown; job?: unknown; department?: unknown }[]) {
      const personTmdbId = positiveId(entry.id);
      if (personTmdbId && typeof entry.name === 'string' && entry.name.trim() && !source.persons.has(personTmdbId)) {
        source.persons.set(personTmdbId, { name: entry.name.trim(), gender: 'unknown' });
      }
      // An entry without a department (not TMDB's own form) is filed as TMDB files its directors, or under Crew.
      const department =
        entry.department === undefined ? (entry.job === 'Director' ? 'Directing' : 'Crew') : departmentNamed(entry.department);
      addCrew(file, line, movieTmdbId, personTmdbId, department, entry.job);
    }
  }
}
