// People of the catalogue: pages with filmography and figures for anyone, writes for editors.
import type { Database } from '../../db/database.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { countryIdOf } from '../movies/movie-filters.js';
import { checkReferences, parseSort } from '../movies/movies.service.js';
import {
  countPersons,
  deletePerson,
  findPersonCredits,
  findPersonDetails,
  findPersonPage,
  insertPerson,
  personConditions,
  personOrder,
  type PersonSortKey,
  updatePerson,
} from './persons.queries.js';
import type { CreatePersonBody, PersonDetails, PersonListQuery, PersonSummary, UpdatePersonBody } from './persons.schemas.js';

export function createPersonService({ db }: { db: Database }) {
  async function details(personId: number, tx: Database = db): Promise<PersonDetails> {
    const found = await findPersonDetails(tx, personId);
    if (!found) throw new NotFoundError(`No person with id ${personId}.`);
    return found;
  }

  return {
    getPerson: (personId: number) => details(personId),

    async listPersons(query: PersonListQuery): Promise<Page<PersonSummary>> {
      const conditions = personConditions({
        q: query.q,
        countryId: query.country ? await countryIdOf(db, query.country) : undefined,
        gender: query.gender,
        role: query.role,
        tmdbId: query.tmdbId,
        ids: query.ids?.split(',').map(Number),
      });
      const { key, descending } = parseSort<PersonSortKey>(query.sort);
      const [items, total] = await Promise.all([
        findPersonPage(db, conditions, personOrder(key, descending), pageWindow(query)),
        countPersons(db, conditions),
      ]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    createPerson: (body: CreatePersonBody) =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'countryId', table: 'country', ids: [body.countryId] }]);
        return details(await insertPerson(tx, body), tx);
      }),

    updatePerson: (personId: number, body: UpdatePersonBody) =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'countryId', table: 'country', ids: [body.countryId] }]);
        if (!(await updatePerson(tx, personId, body))) throw new NotFoundError(`No person with id ${personId}.`);
        return details(personId, tx);
      }),

    deletePerson: (personId: number) =>
      db.transaction(async (tx) => {
        const { directs, plays } = await findPersonCredits(tx, personId);
        if (directs > 0 || plays > 0) {
          const ties = [directs && `directs ${directs} movie(s)`, plays && `plays ${plays} character(s)`].filter(Boolean).join(' and ');
          throw new ConflictError(`This person ${ties}: detach them first (change those movies and characters).`);
        }
        if (!(await deletePerson(tx, personId))) throw new NotFoundError(`No person with id ${personId}.`);
      }),
  };
}
