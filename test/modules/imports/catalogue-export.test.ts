// moviedb export, then import into a new database: the same catalogue, row for row.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../../../src/modules/imports/csv-source.js';
import { exportCatalogue, importCatalogue } from '../../../src/modules/imports/moviedb-format.js';
import { createTestApp } from '../../helpers/app.js';
import { clientFor, created, signInAs } from '../../helpers/builders.js';
import { createTestDatabase, query } from '../../helpers/database.js';
import { makeImage, multipart } from '../../helpers/images.js';

const dir = mkdtempSync(path.join(tmpdir(), 'moviedb-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test makes and migrates databases of its own (two embedded ones for the round trip): 16 s
// on a quiet machine, over the default 30 s when the machine is busy.
describe('export and import', { timeout: 120_000 }, () => {
  it('gives back an identical catalogue', async () => {
    const source = await createTestApp();
    const target = await createTestDatabase();
    try {
      // A catalogue with a bit of everything: a new country and genre, people with a gallery and a
      // primary photo, movies with poster, genres, characters and several performers.
      const editor = await signInAs(source, 'editor');
      const api = clientFor(source, editor);
      const admin = clientFor(source, await signInAs(source, 'admin'));
      const country = await created<{ id: number }>(await admin.post('/countries', { code: 'XK', name: 'Kosovo' }));
      const genre = await created<{ id: number }>(await api.post('/genres', { name: 'Mumblecore' }));
      const director = await created<{ id: number }>(
        await api.post('/persons', {
          firstName: 'Agnès',
          lastName: 'Varda',
          birthDate: '1928-05-30',
          gender: 'female',
          countryId: country.id,
          biography: 'Cinécriture.',
        }),
      );
      const actor = await created<{ id: number }>(await api.post('/persons', { firstName: 'Cher', lastName: '' }));
      const young = await created<{ id: number }>(await api.post('/persons', { firstName: 'Young', lastName: 'Cher' }));
      const upload = async (url: string, method: 'PUT' | 'POST') => {
        const body = multipart(await makeImage(40, 60), 'image.jpg', 'image/jpeg');
        return source.app.inject({ method, url: `/api/v1${url}`, payload: body.payload, headers: { ...body.headers, ...editor.headers } });
      };
      await upload(`/persons/${director.id}/photos`, 'POST');
      await upload(`/persons/${director.id}/photos`, 'POST');
      const movie = await created<{ id: number }>(
        await api.post('/movies', {
          title: 'Cléo from 5 to 7',
          description: 'Two hours.',
          budget: 64_000.5,
          releaseDate: '1962-04-11',
          durationMinutes: 90,
          directorId: director.id,
          countryId: country.id,
          genreIds: [genre.id],
        }),
      );
      await upload(`/movies/${movie.id}/poster`, 'PUT');
      const character = await created<{ id: number }>(
        await api.post(`/movies/${movie.id}/characters`, {
          name: 'Cléo',
          role: 'leading',
          actorId: actor.id,
          billingOrder: 0,
          description: 'A singer.',
        }),
      );
      await api.put(`/characters/${character.id}/actors`, { actorIds: [actor.id, young.id] });
      await api.post(`/movies/${movie.id}/characters`, { name: 'Crowd', role: 'background' });
      await api.post('/movies', { title: 'Bare' });
      // Keywords and companies (one from TMDB, one not), a language an import added, and the
      // movie's lists: its countries after the first, its spoken languages, keywords and companies.
      const db = source.database.handle;
      await query(db, `insert into language (code, name) values ('tlh', 'Klingon')`);
      const keywords = await query<{ id: number }>(
        db,
        `insert into keyword (name, tmdb_id) values ('paris', 90), ('singer', null) returning keyword_id as id`,
      );
      const companies = await query<{ id: number }>(
        db,
        `insert into company (name, origin_country_id, tmdb_id) values ('Ciné-Tamaris', ${country.id}, 1000), ('Rome Paris Films', null, null)
         returning company_id as id`,
      );
      for (const statement of [
        `insert into movie_country (movie_id, country_id, position)
           select ${movie.id}, country_id, case code when 'FR' then 1 else 2 end from country where code in ('FR', 'IT')`,
        `insert into movie_language (movie_id, language_code, position) values (${movie.id}, 'fr', 0), (${movie.id}, 'tlh', 1)`,
        `insert into movie_keyword (movie_id, keyword_id) values (${movie.id}, ${keywords[0]!.id}), (${movie.id}, ${keywords[1]!.id})`,
        `insert into movie_company (movie_id, company_id, position)
           values (${movie.id}, ${companies[1]!.id}, 0), (${movie.id}, ${companies[0]!.id}, 1)`,
      ]) {
        await query(db, statement);
      }
      // A favorite: accounts stay out of the export, and so does the count they make.
      await clientFor(source, await signInAs(source, 'user')).put(`/me/favorites/${movie.id}`);

      const first = path.join(dir, 'first.jsonl');
      const exported = await exportCatalogue(source.database.handle.db, first);
      expect(exported.rows).toMatchObject({
        movie: 2,
        person: 3,
        person_photos: 2,
        file: 3,
        character: 2,
        actor_roles: 2,
        movie_genre: 1,
        // The 186 seeded and Klingon.
        language: 187,
        keyword: 2,
        company: 2,
        movie_country: 3,
        movie_language: 2,
        movie_keyword: 2,
        movie_company: 2,
      });

      const imported = await importCatalogue(target.handle.db, first);
      expect(imported.rows).toEqual(exported.rows);
      const second = path.join(dir, 'second.jsonl');
      await exportCatalogue(target.handle.db, second);
      expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));

      // The lists came along, in their order.
      const [lists] = await query(
        target.handle,
        `select array(select c.code::text from movie_country mc join country c using (country_id)
                      where mc.movie_id = m.movie_id order by mc.position) as countries,
                array(select l.code || ' ' || l.name from movie_language ml join language l on l.code = ml.language_code
                      where ml.movie_id = m.movie_id order by ml.position) as languages,
                array(select k.name || ' ' || coalesce(k.tmdb_id::text, '-') from movie_keyword mk join keyword k using (keyword_id)
                      where mk.movie_id = m.movie_id order by k.name) as keywords,
                array(select co.name || ' ' || coalesce(co.tmdb_id::text, '-') || ' ' || coalesce(oc.code, '-')
                      from movie_company mc join company co using (company_id) left join country oc on oc.country_id = co.origin_country_id
                      where mc.movie_id = m.movie_id order by mc.position) as companies
         from movie m where m.movie_id = ${movie.id}`,
      );
      expect(lists).toEqual({
        countries: ['XK', 'FR', 'IT'],
        languages: ['fr French', 'tlh Klingon'],
        keywords: ['paris 90', 'singer -'],
        companies: ['Rome Paris Films - -', 'Ciné-Tamaris 1000 XK'],
      });

      // Derived and generated columns are worked out again on import, not copied: no favorites came along.
      expect(readFileSync(first, 'utf8')).not.toContain('favorites_count');
      expect(readFileSync(first, 'utf8')).not.toContain('popularity_score');
      expect(readFileSync(first, 'utf8')).not.toContain('movies_count');
      const [derived] = await query<{ favorites: number; key: string; directed: number; acted: number }>(
        target.handle,
        `select m.favorites_count as favorites, m.title_key as key,
           (select movies_directed from person where person_id = ${director.id}) as directed,
           (select movies_acted from person where person_id = ${young.id}) as acted
         from movie m where m.movie_id = ${movie.id}`,
      );
      expect(derived).toEqual({ favorites: 0, key: 'cleo from 5 to 7', directed: 1, acted: 1 });

      // New rows after an import get new ids, not ones the import used.
      const [next] = await query<{ id: number }>(target.handle, `insert into movie (title) values ('After') returning movie_id as id`);
      expect(next!.id).toBeGreaterThan(movie.id);
      const [nextKeyword] = await query<{ id: number }>(
        target.handle,
        `insert into keyword (name) values ('after') returning keyword_id as id`,
      );
      expect(nextKeyword!.id).toBeGreaterThan(keywords[1]!.id);
      const [nextCompany] = await query<{ id: number }>(
        target.handle,
        `insert into company (name) values ('After') returning company_id as id`,
      );
      expect(nextCompany!.id).toBeGreaterThan(companies[1]!.id);
      // The primary photo survived, checked against the gallery.
      const [person] = await query<{ photo_id: number | null }>(
        target.handle,
        `select photo_id from person where person_id = ${director.id}`,
      );
      expect(person!.photo_id).not.toBeNull();
    } finally {
      await source.close();
      await target.drop();
    }
  });

  it('refuses a non-empty catalogue and a file that is not an export, changing nothing', async () => {
    const target = await createTestDatabase();
    try {
      const notExport = path.join(dir, 'other.jsonl');
      writeFileSync(notExport, '{"hello": "world"}\n');
      await expect(importCatalogue(target.handle.db, notExport)).rejects.toThrow(InputFileError);
      expect(await query(target.handle, 'select count(*)::int as n from country')).toEqual([{ n: 249 }]);

      await query(target.handle, `insert into movie (title) values ('Already here')`);
      const empty = path.join(dir, 'empty-export.jsonl');
      const blank = await createTestDatabase();
      await exportCatalogue(blank.handle.db, empty);
      await blank.drop();
      await expect(importCatalogue(target.handle.db, empty)).rejects.toThrow('The catalogue is not empty');
    } finally {
      await target.drop();
    }
  });
});
