import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { violatedUniqueConstraint } from '../../db/errors.js';
import { ConflictError, notFound, UnprocessableError } from '../../errors.js';
import { idsOf } from '../../http/list-query.js';
import {
  countCountries,
  countCountryUses,
  deleteCountry,
  findCountries,
  findCountryId,
  insertCountry,
  updateCountry,
} from './countries.queries.js';
import type { Country, CountryListQuery, CreateCountryBody, UpdateCountryBody } from './countries.schemas.js';

/** A country named in a query by id or ISO code; one that names no country is a 422. */
/** The country a query parameter (`field`) names by id or code; a 422 naming the field when none. */
export async function countryIdOf(db: Database, value: string, field = 'country'): Promise<number> {
  const byId = /^\d+$/.test(value);
  const id = await findCountryId(db, byId ? { id: idsOf([value], field)[0]! } : { code: value.toUpperCase() });
  if (id === undefined) {
    throw new UnprocessableError(`No country has the ${byId ? 'id' : 'code'} ${value.toUpperCase()}.`, [
      { in: 'query', field, message: 'names no country' },
    ]);
  }
  return id;
}

function taken(error: unknown): ConflictError | undefined {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'country_code_key') {
    return new ConflictError('A country with that code exists.', [{ in: 'body', field: 'code', message: 'is taken' }]);
  }
  if (constraint === 'country_name_key') {
    return new ConflictError('A country with that name exists.', [{ in: 'body', field: 'name', message: 'is taken' }]);
  }
  return undefined;
}

const clean = <T extends { code?: string | undefined; name?: string | undefined }>(body: T): T => ({
  ...body,
  ...(body.code !== undefined ? { code: body.code.toUpperCase() } : {}),
  ...(body.name !== undefined ? { name: body.name.trim() } : {}),
});

export function createCountryService({ db }: { db: Database }) {
  return {
    async listCountries(query: CountryListQuery): Promise<Page<Country>> {
      const filter = { q: query.q };
      const [items, total] = await Promise.all([findCountries(db, filter, pageWindow(query)), countCountries(db, filter)]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async createCountry(body: CreateCountryBody, created?: CreateRecord): Promise<Country> {
      try {
        return await db.transaction(async (tx) => {
          const country = await insertCountry(tx, clean(body));
          await created?.record(tx, country);
          return country;
        });
      } catch (error) {
        throw taken(error) ?? error;
      }
    },

    async updateCountry(countryId: number, body: UpdateCountryBody): Promise<Country> {
      let updated: Country | undefined;
      try {
        updated = await updateCountry(db, countryId, clean(body));
      } catch (error) {
        throw taken(error) ?? error;
      }
      if (!updated) throw notFound('country', countryId);
      return updated;
    },

    /** Refused while a movie or a person names the country. */
    async deleteCountry(countryId: number): Promise<void> {
      const uses = await countCountryUses(db, countryId);
      if (uses.movies > 0 || uses.persons > 0) {
        throw new ConflictError(`The country is named by ${uses.movies} movie(s) and ${uses.persons} person(s): change those first.`);
      }
      if (!(await deleteCountry(db, countryId))) throw notFound('country', countryId);
    },
  };
}

export type CountryService = ReturnType<typeof createCountryService>;
