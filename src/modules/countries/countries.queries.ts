import { count, eq, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/database.js';
import type { Database } from '../../db/database.js';
import { country } from '../../db/schema.js';
import { containsText, nameOrder } from '../../db/search-text.js';
import type { Country } from './countries.schemas.js';

export interface CountryFilter {
  q?: string | undefined;
}

function countryWhere(filter: CountryFilter): SQL | undefined {
  if (!filter.q) return undefined;
  return or(containsText(country.name, filter.q), eq(country.code, filter.q.toUpperCase()));
}

export async function findCountries(db: Database, filter: CountryFilter, window: { limit: number; offset: number }): Promise<Country[]> {
  return (
    db
      .select({ id: country.countryId, code: country.code, name: country.name })
      .from(country)
      .where(countryWhere(filter))
      // Searching "fr" finds France first, then the names that contain it.
      .orderBy(...(filter.q ? [sql`${country.code} = ${filter.q.toUpperCase()} desc`] : []), nameOrder(country.name), country.countryId)
      .limit(window.limit)
      .offset(window.offset)
  );
}

export async function countCountries(db: Database, filter: CountryFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(country).where(countryWhere(filter));
  return row?.total ?? 0;
}

const countryColumns = { id: country.countryId, code: country.code, name: country.name };

export async function insertCountry(db: Database, values: { code: string; name: string }): Promise<Country> {
  const [row] = await db.insert(country).values(values).returning(countryColumns);
  return row!;
}

export async function updateCountry(
  db: Database,
  countryId: number,
  values: { code?: string | undefined; name?: string | undefined },
): Promise<Country | undefined> {
  const [row] = await db.update(country).set(values).where(eq(country.countryId, countryId)).returning(countryColumns);
  return row;
}

/** How many movies and people name the country. */
export async function countCountryUses(db: Database, countryId: number): Promise<{ movies: number; persons: number }> {
  const [row] = rowsOf<{ movies: number; persons: number }>(
    await db.execute(sql`select
      (select count(*)::int from movie where country_id = ${countryId}) as movies,
      (select count(*)::int from person where country_id = ${countryId}) as persons`),
  );
  return { movies: Number(row?.movies ?? 0), persons: Number(row?.persons ?? 0) };
}

export async function deleteCountry(db: Database, countryId: number): Promise<boolean> {
  const rows = await db.delete(country).where(eq(country.countryId, countryId)).returning({ id: country.countryId });
  return rows.length > 0;
}

/** The id of the country with this id or ISO code, if there is one. */
export async function findCountryId(db: Database, key: { id: number } | { code: string }): Promise<number | undefined> {
  const [row] = rowsOf<{ id: number }>(
    await db.execute(
      'id' in key
        ? sql`select country_id as id from country where country_id = ${key.id}`
        : sql`select country_id as id from country where code = ${key.code}`,
    ),
  );
  return row === undefined ? undefined : Number(row.id);
}
