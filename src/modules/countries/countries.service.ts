import type { Database } from '../../db/database.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { countCountries, findCountries } from './countries.queries.js';
import type { Country, CountryListQuery } from './countries.schemas.js';

export function createCountryService({ db }: { db: Database }) {
  return {
    async listCountries(query: CountryListQuery): Promise<Page<Country>> {
      const filter = { q: query.q };
      const [items, total] = await Promise.all([
        findCountries(db, filter, pageWindow(query)),
        countCountries(db, filter),
      ]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  };
}

export type CountryService = ReturnType<typeof createCountryService>;
