// People: reads built as JSON in PostgreSQL (a person page is one statement), figures computed
// from the credits, and writes.
import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { executePlannedEachTime, fixedStatement, jsonValue, rowsOf } from '../../db/database.js';
import { person, personPhotos } from '../../db/schema.js';
import { intArray, isoTimestamp } from '../../db/sql.js';
import { type ListOrder, type PageRows, type SortColumn, findPage } from '../../db/keyset.js';
import type { CursorPosition } from '../../db/keyset.js';
import { type SearchColumns, type SearchText, type SearchedTable, nameOrder, searchScore } from '../../db/search-text.js';
import { whereClause } from '../../db/sql.js';
import { movieSources, movieSummaryJson, normalizeMovie } from '../movies/movies.queries.js';
import { imageJson, movieRefJson, personPhotoJson } from '../files/image-sizes.js';
import type { PersonDetails, PersonSummary } from './persons.schemas.js';

/**
 * Each figure of the person `p`: columns kept by the database from the credits and the budgets
 * (drizzle/0007_search_and_figures.sql), each with an index for its sort.
 */
const FIGURES = {
  moviesActed: { value: sql`p.movies_acted`, type: 'integer', nullable: false },
  actingBudgetTotal: { value: sql`p.acting_budget_total`, type: 'numeric', nullable: false },
  moviesDirected: { value: sql`p.movies_directed`, type: 'integer', nullable: false },
  directingBudgetAverage: { value: sql`p.directing_budget_average`, type: 'numeric', nullable: true },
} as const satisfies Record<string, Omit<SortColumn, 'descending'> & { nullable: boolean }>;

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
  'moviesActed', p.movies_acted,
  'actingBudgetTotal', p.acting_budget_total,
  'moviesDirected', p.movies_directed,
  'directingBudgetAverage', p.directing_budget_average`;

const personSources = sql`person p left join country pc on pc.country_id = p.country_id`;

/** Newest first; movies without a date last. */
const newestFirst = sql`m.release_date desc nulls last, m.movie_id desc`;

function normalizePerson<T extends PersonSummary>(doc: T | string): T {
  const found = jsonValue(doc);
  found.actingBudgetTotal = Number(found.actingBudgetTotal);
  if (found.directingBudgetAverage !== null) found.directingBudgetAverage = Number(found.directingBudgetAverage);
  return found;
}

/**
 * What the person `p` is known for: 'Acting' when the characters they play are at least as many as
 * the crew credits of their largest department (and they play some), else that department (the
 * first by id of two as large), null without any credit.
 */
const knownForDepartment = sql`(
  select case when top.credits is null then case when acted.characters > 0 then 'Acting' end
    when acted.characters >= top.credits then 'Acting'
    else top.name end
  from (select count(*)::int as characters from actor_roles ar where ar.actor_id = p.person_id) acted
  left join lateral (
    select kd.name, count(*)::int as credits
    from crew_credit kc join department kd on kd.department_id = kc.department_id
    where kc.person_id = p.person_id
    group by kd.department_id, kd.name
    order by count(*) desc, kd.department_id
    limit 1) top on true)`;

const PERSON_DETAILS = fixedStatement(
  (value) => sql`
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
        'knownForDepartment', ${knownForDepartment},
        'crew', coalesce((
          select json_agg(json_build_object(
              'id', cc.credit_id,
              'job', cc.job,
              'department', json_build_object('id', cd.department_id, 'name', cd.name),
              'movie', ${movieRefJson('m')})
            order by m.release_date desc nulls last, ${nameOrder(sql`m.title`)}, m.movie_id, cd.department_id, cc.job, cc.credit_id)
          from crew_credit cc
          join department cd on cd.department_id = cc.department_id
          join movie m on m.movie_id = cc.movie_id
          where cc.person_id = p.person_id), '[]'::json),
        'createdAt', ${isoTimestamp(sql`p.created_at`)},
        'updatedAt', ${isoTimestamp(sql`p.updated_at`)})::text as doc
      from ${personSources}
      where p.person_id = ${value('personId')}`,
);

/** Everything about one person, as the JSON text PostgreSQL built (GET /persons/{id} sends it as it is). */
export async function findPersonDetailsJson(db: Database, personId: number): Promise<string | undefined> {
  const [row] = await PERSON_DETAILS<{ doc: string }>(db, { personId });
  return row?.doc;
}

export async function findPersonDetails(db: Database, personId: number): Promise<PersonDetails | undefined> {
  const json = await findPersonDetailsJson(db, personId);
  if (json === undefined) return undefined;
  const details = normalizePerson(JSON.parse(json) as PersonDetails);
  details.acting = details.acting.map((credit) => ({ ...credit, movie: normalizeMovie(credit.movie) }));
  details.directing = details.directing.map((movie) => normalizeMovie(movie));
  return details;
}

export const PERSON_SEARCH_COLUMNS: SearchColumns = {
  key: sql`p.name_key`,
  document: sql`p.name_document`,
  surname: sql`split_part(p.sort_key, chr(1), 1)`,
  weight: sql`p.search_weight`,
};

/** Filters besides the name search, which searchListSource applies. */
export interface PersonFilter {
  countryId?: number | undefined;
  gender?: string | undefined;
  role?: 'actor' | 'director' | undefined;
  tmdbId?: number | undefined;
  ids?: number[] | undefined;
}

export function personConditions(filter: PersonFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.countryId !== undefined) conditions.push(sql`p.country_id = ${filter.countryId}`);
  if (filter.gender) conditions.push(sql`p.gender = ${filter.gender}::gender`);
  if (filter.role === 'actor') conditions.push(sql`p.movies_acted > 0`);
  if (filter.role === 'director') conditions.push(sql`p.movies_directed > 0`);
  if (filter.tmdbId !== undefined) conditions.push(sql`p.tmdb_id = ${filter.tmdbId}`);
  if (filter.ids) conditions.push(sql`p.person_id = any(${intArray(filter.ids)})`);
  return conditions;
}

export type PersonSortKey = 'name' | 'birthDate' | keyof typeof FIGURES;

export function personOrder(key: PersonSortKey, descending: boolean): ListOrder {
  const id = sql`p.person_id`;
  if (key === 'name') {
    // sort_key is "last name" \x01 "first name", folded: the two-level order in one indexed column.
    return { columns: [{ value: sql`p.sort_key collate "C"`, type: 'text', descending }], nullable: false, id };
  }
  const { nullable, ...column } =
    key === 'birthDate' ? ({ value: sql`p.birth_date`, type: 'date', nullable: true } as const) : FIGURES[key];
  return { columns: [{ ...column, descending }], nullable, id };
}

/** A person's credits: the movies they play in and those they direct (their popularity, for a search). */
export const personCredits = sql`(p.movies_acted + p.movies_directed)`;

/** By relevance to a search: its score (the kind of match, how well known the person is; docs/search.md). */
export function personRelevanceOrder(text: SearchText): ListOrder {
  return {
    columns: [{ value: searchScore(PERSON_SEARCH_COLUMNS, text), type: 'float8', descending: true }],
    nullable: false,
    id: sql`p.person_id`,
  };
}

/** People as lists read and search them (see searchListSource). */
export const PERSON_SEARCH: SearchedTable = {
  name: 'person',
  alias: 'p',
  id: sql`p.person_id`,
  columns: PERSON_SEARCH_COLUMNS,
  bunchedSort: 'name',
};

const PERSON_SUMMARIES = fixedStatement(
  (value) => sql`select json_build_object(${personFields}) as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n)
    join ${personSources} on p.person_id = wanted.id
    order by wanted.n`,
);

/** Person summaries by id, in the order of the ids. */
export async function findPersonSummaries(db: Database, ids: number[]): Promise<PersonSummary[]> {
  const rows = await PERSON_SUMMARIES<{ doc: PersonSummary }>(db, { ids });
  return rows.map((row) => normalizePerson(row.doc));
}

export async function findPersonPage(
  db: Database,
  source: SQL,
  conditions: SQL[],
  order: ListOrder,
  window: { limit: number; offset?: number; after?: CursorPosition | undefined },
): Promise<PageRows<PersonSummary>> {
  const page = await findPage<PersonSummary | string>(db, {
    from: source,
    conditions,
    order,
    documents: (ids) => findPersonSummaries(db, ids),
    ...window,
  });
  return { documents: page.documents.map((doc) => normalizePerson(doc)), next: page.next };
}

export async function countPersons(db: Database, source: SQL, conditions: SQL[]): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await executePlannedEachTime(db, sql`select count(*)::int as total from ${source} ${whereClause(conditions)}`),
  );
  return Number(row?.total ?? 0);
}

export type PersonValues = Partial<
  Pick<typeof person.$inferInsert, 'firstName' | 'lastName' | 'biography' | 'birthDate' | 'gender' | 'countryId' | 'tmdbId'>
>;

export async function insertPerson(tx: Database, values: PersonValues & { firstName: string }): Promise<number> {
  const [row] = await tx.insert(person).values(values).returning({ id: person.personId });
  return row!.id;
}

export async function updatePerson(tx: Database, personId: number, values: PersonValues): Promise<boolean> {
  const rows = await tx.update(person).set(values).where(eq(person.personId, personId)).returning({ id: person.personId });
  return rows.length > 0;
}

/** What still ties a person to the catalogue: movies they direct, characters they play. */
export async function findPersonCredits(tx: Database, personId: number): Promise<{ directs: number; plays: number; crew: number }> {
  const [row] = rowsOf<{ directs: number; plays: number; crew: number }>(
    await tx.execute(sql`select
      (select count(*)::int from movie where director_id = ${personId}) as directs,
      (select count(*)::int from actor_roles where actor_id = ${personId}) as plays,
      (select count(distinct movie_id)::int from crew_credit where person_id = ${personId}) as crew`),
  );
  return { directs: Number(row?.directs ?? 0), plays: Number(row?.plays ?? 0), crew: Number(row?.crew ?? 0) };
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
