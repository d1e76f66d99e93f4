// People: reads built as JSON in PostgreSQL (a person page is one statement), figures computed
// from the credits, and writes.
import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { person, personPhotos } from '../../db/schema.js';
import { intArray, isoTimestamp } from '../../db/sql.js';
import { containsText } from '../../db/text-search.js';
import { movieSources, movieSummaryJson, normalizeMovie, whereClause } from '../movies/movies.queries.js';
import { imageJson, personPhotoJson } from '../files/image-sizes.js';
import type { PersonDetails, PersonSummary } from './persons.schemas.js';

/** The distinct movies the person `p` plays in (any character, principal or not). */
const actedMovieIds = sql`select ch.movie_id from actor_roles ar join "character" ch on ch.character_id = ar.character_id
  where ar.actor_id = p.person_id`;

/** Each figure of the person `p`, as a SQL expression (used to show and to sort). */
const FIGURES = {
  moviesActed: sql`(select count(distinct ch.movie_id)::int from actor_roles ar
    join "character" ch on ch.character_id = ar.character_id where ar.actor_id = p.person_id)`,
  actingBudgetTotal: sql`(select coalesce(sum(mv.budget), 0) from movie mv where mv.movie_id in (${actedMovieIds}))`,
  moviesDirected: sql`(select count(*)::int from movie mv where mv.director_id = p.person_id)`,
  directingBudgetAverage: sql`(select round(avg(mv.budget), 2) from movie mv where mv.director_id = p.person_id and mv.budget is not null)`,
} as const;

const personFields = sql`
  'id', p.person_id,
  'tmdbId', p.tmdb_id,
  'firstName', p.first_name,
  'lastName', p.last_name,
  'gender', p.gender,
  'birthDate', p.birth_date,
  'country', case when pc.country_id is null then null
    else json_build_object('id', pc.country_id, 'code', pc.code, 'name', pc.name) end,
  'photo', ${personPhotoJson('p')},
  'moviesActed', ${FIGURES.moviesActed},
  'actingBudgetTotal', ${FIGURES.actingBudgetTotal},
  'moviesDirected', ${FIGURES.moviesDirected},
  'directingBudgetAverage', ${FIGURES.directingBudgetAverage}`;

const personSources = sql`person p left join country pc on pc.country_id = p.country_id`;

/** Newest first; movies without a date last. */
const newestFirst = sql`m.release_date desc nulls last, m.movie_id desc`;

function normalizePerson<T extends PersonSummary>(doc: T | string): T {
  const found = jsonValue(doc);
  found.actingBudgetTotal = Number(found.actingBudgetTotal);
  if (found.directingBudgetAverage !== null) found.directingBudgetAverage = Number(found.directingBudgetAverage);
  return found;
}

export async function findPersonDetails(db: Database, personId: number): Promise<PersonDetails | undefined> {
  const [row] = rowsOf<{ doc: PersonDetails }>(
    await db.execute(sql`
      select json_build_object(${personFields},
        'biography', p.biography,
        'photos', coalesce((
          select json_agg(json_build_object('id', ph.photo_id, 'isPrimary', ph.photo_id = p.photo_id, 'image', ${imageJson('phf')})
            order by ph.photo_id)
          from person_photos ph join file phf on phf.file_id = ph.file_id where ph.person_id = p.person_id), '[]'::json),
        'acting', coalesce((
          select json_agg(json_build_object(
              'movie', ${movieSummaryJson},
              'character', json_build_object('id', ch.character_id, 'name', ch.name, 'role', ch.role, 'billingOrder', ch.billing_order))
            order by ${newestFirst}, ch.billing_order nulls last, ch.character_id)
          from actor_roles ar
          join "character" ch on ch.character_id = ar.character_id
          join ${movieSources} on m.movie_id = ch.movie_id
          where ar.actor_id = p.person_id), '[]'::json),
        'directing', coalesce((
          select json_agg(${movieSummaryJson} order by ${newestFirst})
          from ${movieSources} where m.director_id = p.person_id), '[]'::json),
        'createdAt', ${isoTimestamp(sql`p.created_at`)},
        'updatedAt', ${isoTimestamp(sql`p.updated_at`)}) as doc
      from ${personSources}
      where p.person_id = ${personId}`),
  );
  if (!row) return undefined;
  const details = normalizePerson(row.doc);
  details.acting = details.acting.map((credit) => ({ ...credit, movie: normalizeMovie(credit.movie) }));
  details.directing = details.directing.map((movie) => normalizeMovie(movie));
  return details;
}

export interface PersonFilter {
  q?: string | undefined;
  countryId?: number | undefined;
  gender?: string | undefined;
  role?: 'actor' | 'director' | undefined;
  tmdbId?: number | undefined;
  ids?: number[] | undefined;
}

export function personConditions(filter: PersonFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.q) conditions.push(containsText(sql`(p.first_name || ' ' || p.last_name)`, filter.q));
  if (filter.countryId !== undefined) conditions.push(sql`p.country_id = ${filter.countryId}`);
  if (filter.gender) conditions.push(sql`p.gender = ${filter.gender}::gender`);
  if (filter.role === 'actor') conditions.push(sql`exists (select 1 from actor_roles ar where ar.actor_id = p.person_id)`);
  if (filter.role === 'director') conditions.push(sql`exists (select 1 from movie mv where mv.director_id = p.person_id)`);
  if (filter.tmdbId !== undefined) conditions.push(sql`p.tmdb_id = ${filter.tmdbId}`);
  if (filter.ids) conditions.push(sql`p.person_id = any(${intArray(filter.ids)})`);
  return conditions;
}

export type PersonSortKey = 'name' | 'birthDate' | keyof typeof FIGURES;

export function personOrder(key: PersonSortKey, descending: boolean): SQL {
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const byName = sql`lower(unaccent(p.last_name)) collate "C" ${direction}, lower(unaccent(p.first_name)) collate "C" ${direction}`;
  if (key === 'name') return sql`${byName}, p.person_id ${direction}`;
  const column = key === 'birthDate' ? sql`p.birth_date` : FIGURES[key];
  return sql`${column} ${direction} nulls last, p.person_id ${direction}`;
}

export async function findPersonPage(
  db: Database,
  conditions: SQL[],
  order: SQL,
  window: { limit: number; offset: number },
): Promise<PersonSummary[]> {
  const rows = rowsOf<{ doc: PersonSummary }>(
    await db.execute(sql`
      select json_build_object(${personFields}) as doc from ${personSources}
      ${whereClause(conditions)}
      order by ${order}
      limit ${window.limit} offset ${window.offset}`),
  );
  return rows.map((row) => normalizePerson(row.doc));
}

export async function countPersons(db: Database, conditions: SQL[]): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await db.execute(sql`select count(*)::int as total from person p ${whereClause(conditions)}`),
  );
  return Number(row?.total ?? 0);
}

export type PersonValues = Partial<Pick<typeof person.$inferInsert, 'firstName' | 'lastName' | 'biography' | 'birthDate' | 'gender' | 'countryId' | 'tmdbId'>>;

export async function insertPerson(tx: Database, values: PersonValues & { firstName: string }): Promise<number> {
  const [row] = await tx.insert(person).values(values).returning({ id: person.personId });
  return row!.id;
}

export async function updatePerson(tx: Database, personId: number, values: PersonValues): Promise<boolean> {
  const rows = await tx.update(person).set(values).where(eq(person.personId, personId)).returning({ id: person.personId });
  return rows.length > 0;
}

/** What still ties a person to the catalogue: movies they direct, characters they play. */
export async function findPersonCredits(tx: Database, personId: number): Promise<{ directs: number; plays: number }> {
  const [row] = rowsOf<{ directs: number; plays: number }>(
    await tx.execute(sql`select
      (select count(*)::int from movie where director_id = ${personId}) as directs,
      (select count(*)::int from actor_roles where actor_id = ${personId}) as plays`),
  );
  return { directs: Number(row?.directs ?? 0), plays: Number(row?.plays ?? 0) };
}

export async function deletePerson(tx: Database, personId: number): Promise<boolean> {
  const rows = await tx.delete(person).where(eq(person.personId, personId)).returning({ id: person.personId });
  return rows.length > 0;
}

/** Adds a file to the person's gallery (the first photo becomes the primary one). */
export async function addPersonPhoto(tx: Database, personId: number, fileId: number): Promise<number | undefined> {
  const [found] = await tx.select({ id: person.personId }).from(person).where(eq(person.personId, personId)).for('update');
  if (!found) return undefined;
  const [row] = await tx.insert(personPhotos).values({ personId, fileId }).returning({ id: personPhotos.photoId });
  await tx
    .update(person)
    .set({ photoId: row!.id })
    .where(and(eq(person.personId, personId), isNull(person.photoId)));
  return row!.id;
}

/** Removes a photo from the gallery; answers its file, or undefined when the person has no such photo. */
export async function removePersonPhoto(tx: Database, personId: number, photoId: number): Promise<number | undefined> {
  // Leaving the gallery clears person.photo_id too, when it was the primary (ON DELETE SET NULL).
  const [row] = await tx
    .delete(personPhotos)
    .where(and(eq(personPhotos.photoId, photoId), eq(personPhotos.personId, personId)))
    .returning({ fileId: personPhotos.fileId });
  return row?.fileId;
}

/** Makes one of the person's own photos the primary one; false when the photo is not theirs. */
export async function setPrimaryPhoto(tx: Database, personId: number, photoId: number): Promise<boolean> {
  const [own] = await tx
    .select({ id: personPhotos.photoId })
    .from(personPhotos)
    .where(and(eq(personPhotos.photoId, photoId), eq(personPhotos.personId, personId)));
  if (!own) return false;
  await tx.update(person).set({ photoId }).where(eq(person.personId, personId));
  return true;
}

export async function findGalleryFileIds(tx: Database, personId: number): Promise<number[]> {
  const rows = await tx.select({ fileId: personPhotos.fileId }).from(personPhotos).where(eq(personPhotos.personId, personId));
  return rows.map((r) => r.fileId);
}

export async function personExists(tx: Database, personId: number): Promise<boolean> {
  const [row] = await tx.select({ id: person.personId }).from(person).where(eq(person.personId, personId));
  return row !== undefined;
}
