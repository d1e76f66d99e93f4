// Production companies: looked up by part of the name (the trigram index on lower(name) serves
// the match), each with its origin country and the number of its movies; a page with its most
// popular movies.
import { sql } from 'drizzle-orm';
import { type Database, executePlannedEachTime, jsonValue, rowsOf } from '../../db/database.js';
import { nameMatch, nameOrder } from '../../db/search-text.js';
import { movieRefJson } from '../files/image-sizes.js';
import { type Company, COMPANY_PAGE_MOVIES, type CompanyDetails } from './companies.schemas.js';

const companyFields = sql`
  'id', co.company_id,
  'name', co.name,
  'originCountry', case when oc.country_id is null then null
    else json_build_object('id', oc.country_id, 'code', oc.code, 'name', oc.name) end,
  'moviesCount', co.movies_count`;

/** `company co` and its origin country `oc`, as companyFields expects. */
const companySources = sql`company co
  left join country oc on oc.country_id = co.origin_country_id`;

/** Companies whose name contains `q` (all without it): names beginning with it first, then those with the most movies. */
export async function findCompanies(db: Database, filter: { q?: string | undefined; limit: number }): Promise<Company[]> {
  const match = filter.q === undefined ? undefined : nameMatch(sql`co.name`, filter.q);
  const rows = rowsOf<{ doc: Company | string }>(
    await executePlannedEachTime(
      db,
      sql`select json_build_object(${companyFields}) as doc
        from ${companySources}
        ${match ? sql`where ${match.contains}` : sql``}
        order by ${match ? sql`${match.begins} desc, ` : sql``}co.movies_count desc, ${nameOrder(sql`co.name`)}, co.company_id
        limit ${filter.limit}`,
    ),
  );
  return rows.map((row) => jsonValue(row.doc));
}

export async function findCompanyDetails(db: Database, companyId: number): Promise<CompanyDetails | undefined> {
  const [row] = rowsOf<{ doc: CompanyDetails | string }>(
    await db.execute(sql`
      select json_build_object(${companyFields},
        'movies', coalesce((
          select json_agg(${movieRefJson('m')} order by m.popularity_score desc, m.movie_id)
          from (
            select m.* from movie_company mc join movie m on m.movie_id = mc.movie_id
            where mc.company_id = co.company_id
            order by m.popularity_score desc, m.movie_id
            limit ${COMPANY_PAGE_MOVIES}) m), '[]'::json)) as doc
      from ${companySources}
      where co.company_id = ${companyId}`),
  );
  return row && jsonValue(row.doc);
}

export async function insertCompany(tx: Database, values: { name: string; originCountryId: number | null }): Promise<number> {
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(
      sql`insert into company (name, origin_country_id) values (${values.name}, ${values.originCountryId}) returning company_id as id`,
    ),
  );
  return Number(row!.id);
}
