// People of the catalogue: pages with filmography and figures for anyone, writes for editors.
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { ConflictError, notFound, NotFoundError, UnprocessableError } from '../../errors.js';
import type { CursorPage } from '../../http/pagination.js';
import type { CursorCodec } from '../../http/cursor.js';
import { listPage } from '../../http/list-page.js';
import { analyzeSearchText, searchListSource } from '../../db/search-text.js';
import { checkReferences, rowExists } from '../../db/references.js';
import { chooseOrder, idsOf } from '../../http/list-query.js';
import { countryIdOf } from '../countries/countries.service.js';
import {
  countPersons,
  deletePerson,
  findPersonCredits,
  findPersonDetails,
  findPersonDetailsJson,
  findPersonPage,
  insertPerson,
  personConditions,
  PERSON_SEARCH,
  personOrder,
  personRelevanceOrder,
  type PersonSortKey,
  addPersonPhoto,
  findGalleryFileIds,
  removePersonPhoto,
  setPrimaryPhoto,
  updatePerson,
} from './persons.queries.js';
import type { Principal } from '../../http/principal.js';
import { violatedUniqueConstraint } from '../../db/errors.js';
import type { FileService, ImageInput } from '../files/files.service.js';
import type { CreatePersonBody, PersonDetails, PersonListQuery, PersonPhoto, PersonSummary, UpdatePersonBody } from './persons.schemas.js';

export interface PersonServiceDeps {
  db: Database;
  files: Pick<FileService, 'attach' | 'removeIfUnused'>;
  cursors: CursorCodec;
  /** Matches above which a search phrase is broad (see searchListSource); tests lower it. */
  broadMatches?: number;
}

export function createPersonService({ db, files, cursors, broadMatches }: PersonServiceDeps) {
  async function details(personId: number, tx: Database = db): Promise<PersonDetails> {
    const found = await findPersonDetails(tx, personId);
    if (!found) throw notFound('person', personId);
    return found;
  }

  return {
    getPerson: (personId: number) => details(personId),

    /** The person page as JSON text, for sending as it is: no parsing, no serializing. */
    async getPersonJson(personId: number): Promise<string> {
      const json = await findPersonDetailsJson(db, personId);
      if (json === undefined) throw notFound('person', personId);
      return json;
    },

    async listPersons(query: PersonListQuery): Promise<CursorPage<PersonSummary>> {
      const text = query.q === undefined ? undefined : await analyzeSearchText(db, query.q);
      const conditions = personConditions({
        countryId: query.country ? await countryIdOf(db, query.country) : undefined,
        gender: query.gender,
        role: query.role,
        tmdbId: query.tmdbId,
        ids: query.ids === undefined ? undefined : idsOf(query.ids.split(','), 'ids'),
      });
      const order = chooseOrder<PersonSortKey, ReturnType<typeof personOrder>>(query.sort, 'name', text, personOrder, () =>
        personRelevanceOrder(text!),
      );
      const source = await searchListSource(db, PERSON_SEARCH, text, { sort: query.sort, conditions, broadMatches });
      return listPage({
        cursors,
        list: 'persons',
        query,
        fetch: (window) => findPersonPage(db, source, conditions, order, window),
        count: () => countPersons(db, source, conditions),
      });
    },

    createPerson: (body: CreatePersonBody, created?: CreateRecord) =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'countryId', table: 'country', ids: [body.countryId] }]);
        const person = await details(await insertPerson(tx, body), tx);
        await created?.record(tx, person);
        return person;
      }),

    updatePerson: (personId: number, body: UpdatePersonBody) =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'countryId', table: 'country', ids: [body.countryId] }]);
        if (!(await updatePerson(tx, personId, body))) throw notFound('person', personId);
        return details(personId, tx);
      }),

    async deletePerson(personId: number): Promise<void> {
      const gallery = await db.transaction(async (tx) => {
        const { directs, plays, crew } = await findPersonCredits(tx, personId);
        if (directs > 0 || plays > 0 || crew > 0) {
          const ties = [
            directs && `directs ${directs} movie(s)`,
            plays && `plays ${plays} character(s)`,
            crew && `is in the crew of ${crew} movie(s)`,
          ]
            .filter(Boolean)
            .join(' and ');
          throw new ConflictError(`This person ${ties}: detach them first (change those movies and characters).`);
        }
        const fileIds = await findGalleryFileIds(tx, personId);
        // The gallery goes with the person (ON DELETE CASCADE).
        if (!(await deletePerson(tx, personId))) throw notFound('person', personId);
        return fileIds;
      });
      for (const fileId of gallery) await files.removeIfUnused(fileId);
    },

    /** Editors may add any uploaded file, or upload a new one. */
    addPhoto: (personId: number, input: ImageInput, principal: Principal, created?: CreateRecord): Promise<PersonPhoto> =>
      files.attach(input, principal, { anyUploader: true, created }, async (fileId) => {
        let photo: PersonPhoto | undefined;
        try {
          photo = await db.transaction(async (tx) => {
            const photoId = await addPersonPhoto(tx, personId, fileId);
            if (photoId === undefined) return undefined;
            const added = (await details(personId, tx)).photos.find((p) => p.id === photoId)!;
            await created?.record(tx, added);
            return added;
          });
        } catch (error) {
          if (violatedUniqueConstraint(error) === 'person_photos_person_id_file_id_key') {
            throw new ConflictError('That file is in the gallery already.', [
              { in: 'body', field: 'fileId', message: 'is in the gallery already' },
            ]);
          }
          throw error;
        }
        if (photo === undefined) throw notFound('person', personId);
        return { replaced: null, result: photo };
      }),

    async removePhoto(personId: number, photoId: number): Promise<void> {
      const fileId = await db.transaction((tx) => removePersonPhoto(tx, personId, photoId));
      if (fileId === undefined) throw new NotFoundError(`Person ${personId} has no photo with id ${photoId}.`);
      await files.removeIfUnused(fileId);
    },

    async setPrimaryPhoto(personId: number, photoId: number): Promise<PersonDetails> {
      const done = await db.transaction(async (tx) => {
        if (!(await rowExists(tx, 'person', personId))) throw notFound('person', personId);
        return setPrimaryPhoto(tx, personId, photoId);
      });
      if (!done) {
        throw new UnprocessableError(`Photo ${photoId} is not in this person's gallery.`, [
          { in: 'body', field: 'photoId', message: "is not in this person's gallery" },
        ]);
      }
      return details(personId);
    },
  };
}

export type PersonService = ReturnType<typeof createPersonService>;
