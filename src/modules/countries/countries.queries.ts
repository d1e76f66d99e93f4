import { count, eq, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { country } from '../../db/schema.js';
import { containsText, nameOrder } from '../../db/text-search.js';
import type { Country } from './countries.schemas.js';

export interface CountryFilter {
  q?: string | undefined;
}

function countryWhere(filter: CountryFilter): SQL | undefined {
  if (!filter.q) return undefined;
  return or(containsText(country.name, filter.q), eq(country.code, filter.q.toUpperCase()));
}

export async function findCountries(
  db: Database,
  filter: CountryFilter,
  window: { limit: number; offset: number },
): Promise<Country[]> {
  return db
    .select({ id: country.countryId, code: country.code, name: country.name })
    .from(country)
    .where(countryWhere(filter))
    .orderBy(nameOrder(country.name), country.countryId)
    .limit(window.limit)
    .offset(window.offset);
}

export async function countCountries(db: Database, filter: CountryFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(country).where(countryWhere(filter));
  return row?.total ?? 0;
}
