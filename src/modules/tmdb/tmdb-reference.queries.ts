// The reference lists of /3 (genres, countries, languages, jobs) and companies and keywords.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { shownGenreId, shownId } from './tmdb-ids.js';

type Json = Record<string, unknown>;

const docs = async (db: Database, statement: ReturnType<typeof sql>): Promise<Json[]> =>
  rowsOf<{ doc: Json }>(await db.execute(statement)).map((r) => jsonValue(r.doc));

export const findTmdbGenres = (db: Database) =>
  docs(db, sql`select json_build_object('id', ${shownGenreId('g')}, 'name', g.genre_name) as doc from genre g order by g.genre_name`);

/** moviedb keeps one name a country, in English. */
export const findTmdbCountries = (db: Database) =>
  docs(
    db,
    sql`select json_build_object('iso_3166_1', c.code, 'english_name', c.name, 'native_name', c.name) as doc
    from country c order by c.code`,
  );

/** moviedb keeps one name a language: its English one where the import had it, else as the source spelt it. */
export const findTmdbLanguages = (db: Database) =>
  docs(
    db,
    sql`select json_build_object('iso_639_1', l.code, 'english_name', l.name, 'name', l.name) as doc
    from language l order by l.code`,
  );

/** Every department with the jobs credited in it (read over every crew credit: the service keeps it a while). */
export const findTmdbJobs = (db: Database) =>
  docs(
    db,
    sql`select json_build_object('department', d.name, 'jobs', coalesce((
      select json_agg(j.job order by j.job) from (select distinct cc.job from crew_credit cc where cc.department_id = d.department_id) j),
      '[]'::json)) as doc
    from department d order by d.department_id`,
  );

export async function findTmdbCompany(db: Database, companyId: number): Promise<Json | undefined> {
  const [doc] = await docs(
    db,
    sql`select json_build_object('description', '', 'headquarters', '', 'homepage', '', 'id', ${shownId('co', 'company_id')},
      'logo_path', null, 'name', co.name, 'origin_country', coalesce(oc.code, ''), 'parent_company', null) as doc
    from company co left join country oc on oc.country_id = co.origin_country_id where co.company_id = ${companyId}`,
  );
  return doc;
}

export async function findTmdbKeyword(db: Database, keywordId: number): Promise<Json | undefined> {
  const [doc] = await docs(
    db,
    sql`select json_build_object('id', ${shownId('k', 'keyword_id')}, 'name', k.name) as doc from keyword k where k.keyword_id = ${keywordId}`,
  );
  return doc;
}
