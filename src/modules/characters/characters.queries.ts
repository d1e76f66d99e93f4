import { and, count, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { actorRoles, character, movie } from '../../db/schema.js';
import { personPhotoJson, personRefJson } from '../files/image-sizes.js';
import type { Character, CharacterValues } from './characters.schemas.js';

/** A character as the Character schema has it, from `characterSources`. */
export const characterJson = sql`json_build_object(
  'id', ch.character_id,
  'name', ch.name,
  'description', ch.description,
  'role', ch.role,
  'billingOrder', ch.billing_order,
  'actor', ${personRefJson('a')},
  'performers', coalesce((
    select json_agg(json_build_object('id', p.person_id, 'firstName', p.first_name, 'lastName', p.last_name, 'photo', ${personPhotoJson('p')})
      order by p.person_id = ch.actor_id desc, p.last_name, p.first_name, p.person_id)
    from actor_roles ar join person p on p.person_id = ar.actor_id where ar.character_id = ch.character_id), '[]'::json))`;

/** Characters in credits order: billing order (unknown last), then as they were added. */
export const characterOrder = sql`ch.billing_order asc nulls last, ch.character_id asc`;

/** `"character" ch` with its principal performer `a`, as characterJson expects. */
export const characterSources = sql`"character" ch left join person a on a.person_id = ch.actor_id`;

export async function findCharacter(db: Database, characterId: number): Promise<Character | undefined> {
  const [row] = rowsOf<{ doc: Character }>(
    await db.execute(sql`select ${characterJson} as doc from ${characterSources} where ch.character_id = ${characterId}`),
  );
  return row && jsonValue(row.doc);
}

export async function findCharacterPage(db: Database, movieId: number, window: { limit: number; offset: number }): Promise<Character[]> {
  const rows = rowsOf<{ doc: Character }>(
    await db.execute(sql`select ${characterJson} as doc from ${characterSources} where ch.movie_id = ${movieId}
      order by ${characterOrder} limit ${window.limit} offset ${window.offset}`),
  );
  return rows.map((row) => jsonValue(row.doc));
}

export async function countCharacters(db: Database, movieId: number): Promise<number> {
  const [row] = await db.select({ total: count() }).from(character).where(eq(character.movieId, movieId));
  return row?.total ?? 0;
}

export async function findCharacterCore(db: Database, characterId: number) {
  const [row] = await db
    .select({ movieId: character.movieId, actorId: character.actorId })
    .from(character)
    .where(eq(character.characterId, characterId))
    .for('update');
  return row;
}

export async function insertCharacter(
  tx: Database,
  movieId: number,
  values: CharacterValues & Pick<typeof character.$inferInsert, 'name' | 'role'>,
): Promise<number> {
  // The principal actor joins actor_roles through a trigger, in this same statement.
  const [row] = await tx
    .insert(character)
    .values({ ...values, movieId })
    .returning({ id: character.characterId });
  return row!.id;
}

export async function updateCharacter(tx: Database, characterId: number, values: CharacterValues): Promise<boolean> {
  const rows = await tx
    .update(character)
    .set(values)
    .where(eq(character.characterId, characterId))
    .returning({ id: character.characterId });
  return rows.length > 0;
}

export async function deleteCharacter(tx: Database, characterId: number): Promise<boolean> {
  const rows = await tx.delete(character).where(eq(character.characterId, characterId)).returning({ id: character.characterId });
  return rows.length > 0;
}

/** Makes actor_roles of a character exactly `actorIds`. */
export async function replacePerformers(tx: Database, characterId: number, actorIds: number[]): Promise<void> {
  await tx
    .delete(actorRoles)
    .where(and(eq(actorRoles.characterId, characterId), actorIds.length ? notInArray(actorRoles.actorId, actorIds) : undefined));
  if (actorIds.length) {
    await tx
      .insert(actorRoles)
      .values(actorIds.map((actorId) => ({ actorId, characterId })))
      .onConflictDoNothing();
  }
  // A change of performers is a change of the character.
  await tx
    .update(character)
    .set({ updatedAt: sql`now()` })
    .where(eq(character.characterId, characterId));
}

/** Every character of a movie, in credits order. */
export async function findAllCharacters(db: Database, movieId: number): Promise<Character[]> {
  const rows = rowsOf<{ doc: Character }>(
    await db.execute(
      sql`select ${characterJson} as doc from ${characterSources} where ch.movie_id = ${movieId} order by ${characterOrder}`,
    ),
  );
  return rows.map((row) => jsonValue(row.doc));
}

/** A movie's characters as stored, locking the movie so that two casts replaced at once take turns. */
export async function lockCast(tx: Database, movieId: number) {
  const [found] = await tx.select({ id: movie.movieId }).from(movie).where(eq(movie.movieId, movieId)).for('update');
  if (!found) return undefined;
  return tx
    .select({
      id: character.characterId,
      name: character.name,
      description: character.description,
      role: character.role,
      actorId: character.actorId,
      billingOrder: character.billingOrder,
    })
    .from(character)
    .where(eq(character.movieId, movieId));
}

/** Deletes a movie's characters other than `keptIds`. */
export async function deleteOtherCharacters(tx: Database, movieId: number, keptIds: number[]): Promise<void> {
  await tx
    .delete(character)
    .where(and(eq(character.movieId, movieId), keptIds.length ? notInArray(character.characterId, keptIds) : undefined));
}

/** Removes one performer of a character (never its principal: the database refuses that). */
export async function removePerformer(tx: Database, characterId: number, actorId: number): Promise<void> {
  await tx.delete(actorRoles).where(and(eq(actorRoles.characterId, characterId), eq(actorRoles.actorId, actorId)));
}
