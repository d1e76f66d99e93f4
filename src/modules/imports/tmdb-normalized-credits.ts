// The normalized credits (person.csv, movie_cast.csv, movie_crew.csv): a person, a cast row or a
// crew row a line, the crew's department by its number in TMDB's list.
import { readCsv } from './csv-source.js';
import type { Credits } from './tmdb-credits.js';
import { repairEscapes, textOf } from './tmdb-mapping.js';
import { type CreditFiles, DEPARTMENTS, positiveId, type Reading } from './tmdb-source-model.js';

export async function readNormalizedCredits(
  files: Extract<CreditFiles, { kind: 'normalized' }>,
  { source, count, skip }: Reading,
  { addCredit, addCrew }: Credits,
): Promise<void> {
  for await (const { line, values } of readCsv(files.persons, (line, reason) => skip(files.persons, line, reason))) {
    count(files.persons);
    const id = positiveId(values.person_id);
    const name = textOf(values.person_name);
    if (!id || !name) skip(files.persons, line, 'person without a usable id or name');
    else source.persons.set(id, { name: repairEscapes(name), gender: 'unknown' });
  }
  for await (const { line, values } of readCsv(files.cast, (line, reason) => skip(files.cast, line, reason))) {
    count(files.cast);
    const character = textOf(values.character_name);
    addCredit(
      files.cast,
      line,
      positiveId(values.movie_id),
      positiveId(values.person_id),
      character && repairEscapes(character),
      values.cast_order,
      values.gender_id,
    );
  }
  for await (const { line, values } of readCsv(files.crew, (line, reason) => skip(files.crew, line, reason))) {
    count(files.crew);
    const department = DEPARTMENTS[Number(values.department_id) - 1];
    addCrew(files.crew, line, positiveId(values.movie_id), positiveId(values.person_id), department, values.job);
  }
}
