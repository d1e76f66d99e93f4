// Characters of a movie and who played them. The principal actor (character.actorId) is always
// among the performers: the database adds it, and refuses to drop it.
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { checkReferences, rowExists } from '../../db/references.js';
import { type FieldError, notFound, unprocessable, UnprocessableError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import {
  countCharacters,
  deleteCharacter,
  deleteOtherCharacters,
  findAllCharacters,
  findCharacter,
  findCharacterCore,
  findCharacterPage,
  insertCharacter,
  lockCast,
  removePerformer,
  replacePerformers,
  updateCharacter,
} from './characters.queries.js';
import type {
  Character,
  CharacterListQuery,
  CharacterValues,
  CreateCharacterBody,
  ReplaceCastBody,
  SetPerformersBody,
  UpdateCharacterBody,
} from './characters.schemas.js';

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

    replaceCast: (movieId: number, { characters: rows }: ReplaceCastBody) =>
      db.transaction(async (tx) => {
        const current = await lockCast(tx, movieId);
        if (!current) throw notFound('movie', movieId);
        const stored = new Map(current.map((c) => [c.id, c]));
        const errors: FieldError[] = [];
        const refuse = (index: number, field: string, message: string) =>
          errors.push({ in: 'body', field: `characters.${index}.${field}`, message });
        const listed = new Set<number>();
        for (const [index, row] of rows.entries()) {
          if (row.id === undefined) {
            if (row.name === undefined) refuse(index, 'name', 'is required for a new character');
            if (row.role === undefined) refuse(index, 'role', 'is required for a new character');
          } else if (!stored.has(row.id)) {
            refuse(index, 'id', `names no character of movie ${movieId}: ${row.id}`);
          } else if (listed.has(row.id)) {
            refuse(index, 'id', `lists character ${row.id} a second time`);
          }
          if (row.id !== undefined) listed.add(row.id);
        }
        if (errors.length) throw unprocessable(errors);
        await checkReferences(
          tx,
          rows.map((row, index) => ({ field: `characters.${index}.actorId`, table: 'person' as const, ids: [row.actorId] })),
        );

        await deleteOtherCharacters(tx, movieId, [...listed]);
        for (const [billingOrder, { id, ...fields }] of rows.entries()) {
          if (id === undefined) {
            await insertCharacter(tx, movieId, { ...fields, name: fields.name!, role: fields.role!, billingOrder });
            continue;
          }
          const before = stored.get(id)!;
          const changes: CharacterValues = {};
          for (const key of ['name', 'description', 'role', 'actorId'] as const) {
            if (fields[key] !== undefined && fields[key] !== before[key]) Object.assign(changes, { [key]: fields[key] });
          }
          if (before.billingOrder !== billingOrder) changes.billingOrder = billingOrder;
          if (Object.keys(changes).length === 0) continue;
          await updateCharacter(tx, id, changes);
          // The principal replaced leaves the performers; the database keeps the new one among them.
          if (changes.actorId !== undefined && before.actorId !== null) await removePerformer(tx, id, before.actorId);
        }
        return { items: await findAllCharacters(tx, movieId) };
      }),

    async deleteCharacter(characterId: number): Promise<void> {
      if (!(await deleteCharacter(db, characterId))) throw notFound('character', characterId);
    },
  };
}

export type CharacterService = ReturnType<typeof createCharacterService>;
