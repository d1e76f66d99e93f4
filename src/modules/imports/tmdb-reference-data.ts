// The reference data a TMDB import writes before its people and movies, in one transaction, and
// the catalogue's ids the movies then refer to them by.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { textArray } from '../../db/sql.js';
import { idsByTmdb } from './import-batches.js';
import type { TmdbSource } from './tmdb-source-model.js';

/**
 * Genres by name (created when new), countries by ISO code, languages by code, keywords and
 * companies by TMDB id; returns the counts of the summary's fields of the same names, and the ids.
 */
export async function writeReferenceData(db: Database, source: TmdbSource) {
  const counts = {
    genres: { created: 0 },
    countries: { created: 0 },
    keywords: { created: 0, updated: 0, unchanged: 0 },
    companies: { created: 0, updated: 0, unchanged: 0 },
    languages: { created: 0 },
  };
  const genreNames = [...new Set(source.movies.flatMap((m) => m.genres))];
  await db.transaction(async (tx) => {
    if (genreNames.length) {
      const created = rowsOf(
        await tx.execute(sql`insert into genre (genre_name) select unnest(${textArray(genreNames)})
          on conflict (lower(genre_name)) do nothing returning genre_id`),
      );
      counts.genres.created = created.length;
    }
    // A code the ISO list lacks (a country that no longer exists) is added with TMDB's name; one
    // whose name another code has already is not, and the movies go without it.
    const countries = firstOf(source.movies.flatMap((m) => m.countries.map((c) => [c.code, c.name] as const)));
    if (countries.length) {
      counts.countries.created = rowsOf(
        await tx.execute(sql`insert into country (code, name)
          select w.code, w.name from json_to_recordset(${JSON.stringify(countries.map(([code, name]) => ({ code, name })))}::json)
            as w(code text, name text)
          where not exists (select 1 from country c where c.code = w.code)
          on conflict do nothing returning country_id`),
      ).length;
    }
    // Likewise a language code the seeded list lacks, with the source's name (or the code, when it
    // has none). The seeded names (English) stay: TMDB's are the languages' own (Español).
    const languages = firstOf(
      source.movies.flatMap((m) => (m.languages ?? []).map((l) => [l.code, l.name] as const)),
      (name) => !!name,
    );
    if (languages.length) {
      counts.languages.created = rowsOf(
        await tx.execute(sql`insert into language (code, name)
          select w.code, w.name from json_to_recordset(${JSON.stringify(languages.map(([code, name]) => ({ code, name: name ?? code })))}::json)
            as w(code text, name text)
          on conflict (code) do nothing returning code`),
      ).length;
    }
    counts.keywords = await upsertNamed(
      tx,
      'keyword',
      firstOf(source.movies.flatMap((m) => (m.keywords ?? []).map((k) => [k.tmdbId, k.name] as const))),
    );
    counts.companies = await upsertNamed(
      tx,
      'company',
      firstOf(source.movies.flatMap((m) => (m.companies ?? []).map((c) => [c.tmdbId, c.name] as const))),
    );
  });
  const genreIds = new Map(
    rowsOf<{ id: number; name: string }>(await db.execute(sql`select genre_id as id, lower(genre_name) as name from genre`)).map((g) => [
      g.name,
      Number(g.id),
    ]),
  );
  const countryIds = new Map(
    rowsOf<{ id: number; code: string }>(await db.execute(sql`select country_id as id, code from country`)).map((c) => [
      c.code,
      Number(c.id),
    ]),
  );
  const keywordIds = await idsByTmdb(db, 'keyword');
  const companyIds = await idsByTmdb(db, 'company');
  return { counts, genreIds, countryIds, keywordIds, companyIds };
}

/** Each key once, with the first value given for it that `wanted` accepts (else the first value). */
function firstOf<K, V>(pairs: (readonly [K, V])[], wanted: (value: V) => boolean = () => true): [K, V][] {
  const first = new Map<K, V>();
  for (const [key, value] of pairs) {
    if (!first.has(key) || (!wanted(first.get(key)!) && wanted(value))) first.set(key, value);
  }
  return [...first];
}

/** Keywords or companies by TMDB id: new ones added, a changed name updated (a company's origin country is the catalogue's). */
async function upsertNamed(
  tx: Database,
  table: 'keyword' | 'company',
  named: [number, string][],
): Promise<{ created: number; updated: number; unchanged: number }> {
  if (!named.length) return { created: 0, updated: 0, unchanged: 0 };
  const t = sql.raw(table);
  const written = rowsOf<{ inserted: boolean }>(
    await tx.execute(sql`insert into ${t} (tmdb_id, name)
      select w.tmdb, w.name from json_to_recordset(${JSON.stringify(named.map(([tmdb, name]) => ({ tmdb, name })))}::json)
        as w(tmdb int, name text)
      on conflict (tmdb_id) do update set name = excluded.name where ${t}.name is distinct from excluded.name
      returning (xmax = 0) as inserted`),
  );
  const created = written.filter((r) => r.inserted).length;
  return { created, updated: written.length - created, unchanged: named.length - written.length };
}
