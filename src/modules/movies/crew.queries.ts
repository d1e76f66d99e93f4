// A movie's crew credits: read flat, added and removed one by one (the movie page groups them itself).
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { personRefJson } from '../files/image-sizes.js';
import type { CrewCredit } from './movies.schemas.js';

/** Credits within a department (`cc` with its person `cp`): by job, then the person's name sort key. */
export const crewOrderWithin = sql`cc.job collate "C", cp.sort_key collate "C", cc.credit_id`;

/** A crew credit as the CrewCredit schema has it, from `crew_credit cc` with its person `cp` and department `dep`. */
const crewCreditJson = sql`json_build_object('id', cc.credit_id, 'job', cc.job,
  'department', json_build_object('id', dep.department_id, 'name', dep.name), 'person', ${personRefJson('cp')})`;
const crewCreditSources = sql`crew_credit cc join person cp on cp.person_id = cc.person_id
  join department dep on dep.department_id = cc.department_id`;

/** A movie's crew, flat, in the order of the movie page: by department, job, then name. */
export async function findCrew(db: Database, movieId: number): Promise<CrewCredit[]> {
  const rows = rowsOf<{ doc: CrewCredit }>(
    await db.execute(sql`select ${crewCreditJson} as doc from ${crewCreditSources}
      where cc.movie_id = ${movieId} order by cc.department_id, ${crewOrderWithin}`),
  );
  return rows.map((row) => jsonValue(row.doc));
}

export async function findCrewCredit(db: Database, creditId: number): Promise<CrewCredit | undefined> {
  const [row] = rowsOf<{ doc: CrewCredit }>(
    await db.execute(sql`select ${crewCreditJson} as doc from ${crewCreditSources} where cc.credit_id = ${creditId}`),
  );
  return row && jsonValue(row.doc);
}

/** Adds a credit; undefined when the movie has that very credit already. */
export async function insertCrewCredit(
  tx: Database,
  movieId: number,
  credit: { personId: number; departmentId: number; job: string },
): Promise<number | undefined> {
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(sql`insert into crew_credit (movie_id, person_id, department_id, job)
      values (${movieId}, ${credit.personId}, ${credit.departmentId}, ${credit.job})
      on conflict (movie_id, person_id, department_id, job) do nothing returning credit_id as id`),
  );
  return row && Number(row.id);
}

export async function deleteCrewCredit(tx: Database, movieId: number, creditId: number): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`delete from crew_credit where credit_id = ${creditId} and movie_id = ${movieId} returning credit_id`),
  );
  return rows.length > 0;
}
