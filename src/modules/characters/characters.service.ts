// Characters of a movie and who played them. The principal actor (character.actorId) is always
// among the performers: the database adds it, and refuses to drop it.
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { checkReferences, rowExists } from '../../db/references.js';
import { notFound, UnprocessableError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import {
  countCharacters,
  deleteCharacter,
  findCharacter,
  findCharacterCore,
  findCharacterPage,
  insertCharacter,
  replacePerformers,
  updateCharacter,
} from './characters.queries.js';
import type { Character, CharacterListQuery, CreateCharacterBody, SetPerformersBody, UpdateCharacterBody } from './characters.schemas.js';

export function createCharacterService({ db }: { db: Database }) {
  async function read(characterId: number, tx: Database = db): Promise<Character> {
    const found = await findCharacter(tx, characterId);
    if (!found) throw notFound('character', characterId);
    return found;
  }

  return {
    async listCharacters(movieId: number, query: CharacterListQuery): Promise<Page<Character>> {
      if (!(await rowExists(db, 'movie', movieId))) throw notFound('movie', movieId);
      const [items, total] = await Promise.all([findCharacterPage(db, movieId, pageWindow(query)), countCharacters(db, movieId)]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    createCharacter: (movieId: number, body: CreateCharacterBody, created?: CreateRecord) =>
      db.transaction(async (tx) => {
        if (!(await rowExists(tx, 'movie', movieId))) throw notFound('movie', movieId);
        await checkReferences(tx, [{ field: 'actorId', table: 'person', ids: [body.actorId] }]);
        const character = await read(await insertCharacter(tx, movieId, body), tx);
        await created?.record(tx, character);
        return character;
      }),

    updateCharacter: (characterId: number, body: UpdateCharacterBody) =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'actorId', table: 'person', ids: [body.actorId] }]);
        if (!(await updateCharacter(tx, characterId, body))) throw notFound('character', characterId);
        return read(characterId, tx);
      }),

    setPerformers: (characterId: number, { actorIds }: SetPerformersBody) =>
      db.transaction(async (tx) => {
        const core = await findCharacterCore(tx, characterId);
        if (!core) throw notFound('character', characterId);
        await checkReferences(tx, [{ field: 'actorIds', table: 'person', ids: actorIds }]);
        if (core.actorId !== null && !actorIds.includes(core.actorId)) {
          throw new UnprocessableError(`actorIds must include the principal actor ${core.actorId}; change the character's actorId first.`, [
            { in: 'body', field: 'actorIds', message: `must include the principal actor ${core.actorId}` },
          ]);
        }
        // Without a principal yet, the first performer listed becomes it.
        if (core.actorId === null && actorIds.length > 0) await updateCharacter(tx, characterId, { actorId: actorIds[0]! });
        await replacePerformers(tx, characterId, actorIds);
        return read(characterId, tx);
      }),

    async deleteCharacter(characterId: number): Promise<void> {
      if (!(await deleteCharacter(db, characterId))) throw notFound('character', characterId);
    },
  };
}
