// A person in TMDB's shapes: details, movie credits, images; each over the person's own id.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { fixedStatement, jsonValue, rowsOf } from '../../db/database.js';
import { genderNumber, knownForDepartment, movieResultFields, personName, personPopularity, profilePath } from './tmdb-json.queries.js';
import { imageEntry } from './tmdb-movies.queries.js';
import { shownId } from './tmdb-ids.js';

type Json = Record<string, unknown>;

const PERSON_DETAILS = fixedStatement(
  (value) => sql`select json_build_object(
      'adult', false,
      'also_known_as', '[]'::json,
      'biography', coalesce(p.biography, ''),
      'birthday', p.birth_date::text,
      'deathday', null,
      'gender', ${genderNumber('p')},
      'homepage', null,
      'id', ${shownId('p', 'person_id')},
      'imdb_id', null,
      'known_for_department', ${knownForDepartment('p')},
      'name', ${personName('p')},
      'place_of_birth', (select c.name from country c where c.country_id = p.country_id),
      'popularity', ${personPopularity('p')},
      'profile_path', ${profilePath('p')})::text as doc
    from person p where p.person_id = ${value('personId')}`,
);

export async function findTmdbPersonJson(db: Database, personId: number): Promise<string | undefined> {
  const [row] = await PERSON_DETAILS<{ doc: string }>(db, { personId });
  return row?.doc;
}

const PERSON_CREDITS = fixedStatement(
  (value) => sql`select
    coalesce((select json_agg(doc) from (
      select json_build_object(${movieResultFields}, 'character', coalesce(ch.name, ''), 'credit_id', 'cast' || ch.character_id,
        'order', coalesce(ch.billing_order, 0)) as doc
      from "character" ch join movie m on m.movie_id = ch.movie_id where ch.actor_id = ${value('personId')}
      order by m.release_date desc nulls last, m.movie_id) cast_rows), '[]'::json) as cast,
    coalesce((select json_agg(doc) from (
      select json_build_object(${movieResultFields}, 'credit_id', 'crew' || cc.credit_id, 'department', dep.name, 'job', cc.job) as doc
      from crew_credit cc join movie m on m.movie_id = cc.movie_id join department dep on dep.department_id = cc.department_id
      where cc.person_id = ${value('personId')}
      order by m.release_date desc nulls last, m.movie_id, cc.credit_id) crew_rows), '[]'::json) as crew`,
);

/** The movies a person plays in (by their principal performer) and works on, the newest first. */
export async function findTmdbPersonCredits(db: Database, personId: number): Promise<{ cast: Json[]; crew: Json[] }> {
  const [row] = await PERSON_CREDITS<{ cast: Json[] | string; crew: Json[] | string }>(db, { personId });
  return { cast: jsonValue(row?.cast ?? []), crew: jsonValue(row?.crew ?? []) };
}

/** Every photo of a person, the primary one first. */
export async function findTmdbPersonPhotos(db: Database, personId: number): Promise<Json[]> {
  const rows = rowsOf<{ doc: Json }>(
    await db.execute(sql`select ${imageEntry} as doc from person_photos pp join file f on f.file_id = pp.file_id
      join person p on p.person_id = pp.person_id
      where pp.person_id = ${personId} order by (pp.photo_id = p.photo_id) desc, pp.photo_id`),
  );
  return rows.map((r) => jsonValue(r.doc));
}
