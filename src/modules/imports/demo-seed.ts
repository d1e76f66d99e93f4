// The demo catalogue a fresh embedded install starts with, so that `npm start` shows real films at
// once: about 3,000 films from the vega-datasets package (title, director, genre, distributor,
// budget, release date, running time, worldwide gross, IMDb rating and votes), cleaned of its
// known errors.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { textArray } from '../../db/sql.js';
import { splitName, truncate } from './tmdb-mapping.js';

interface VegaMovie {
  Title?: string | number | null;
  'Production Budget'?: number | null;
  'Release Date'?: string | null;
  'Running Time min'?: number | null;
  'Major Genre'?: string | null;
  Director?: string | null;
  Distributor?: string | null;
  'Worldwide Gross'?: number | null;
  'IMDB Rating'?: number | null;
  'IMDB Votes'?: number | null;
  'MPAA Rating'?: string | null;
}

/** The dataset's genres, in TMDB's names. */
const GENRES: Record<string, string[]> = {
  Action: ['Action'],
  Adventure: ['Adventure'],
  'Black Comedy': ['Comedy'],
  Comedy: ['Comedy'],
  'Concert/Performance': ['Music', 'Documentary'],
  Documentary: ['Documentary'],
  Drama: ['Drama'],
  Horror: ['Horror'],
  Musical: ['Music'],
  'Romantic Comedy': ['Romance', 'Comedy'],
  'Thriller/Suspense': ['Thriller'],
  Western: ['Western'],
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The newest films in the source came out in 2011. */
const SOURCE_LAST_YEAR = 2011;

/**
 * "Jun 12 1998" as 1998-06-12. Two-digit years in the source came out a century late ("Duel in the
 * Sun", 1946, reads Dec 31 2046; "Ben-Hur", 1925, Dec 30 2025): a year after the source's last one
 * moves back a hundred years.
 */
export function demoReleaseDate(raw: string | null | undefined): string | null {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!);
  let year = Number(match[3]);
  const day = Number(match[2]);
  if (month < 0) return null;
  if (year > SOURCE_LAST_YEAR) year -= 100;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export interface DemoMovie {
  title: string;
  budget: number | null;
  releaseDate: string | null;
  durationMinutes: number | null;
  genres: string[];
  director: string | null;
  /** The distributor, seeded as the movie's company. */
  distributor: string | null;
  /** Worldwide gross, in US dollars. */
  revenue: number | null;
  /** IMDb's rating (0 to 10) and its votes. */
  voteAverage: number | null;
  voteCount: number | null;
  /** The MPAA rating (G, PG, PG-13, R, NC-17, Not Rated, Open). */
  certification: string | null;
}

export async function loadDemoMovies(): Promise<DemoMovie[]> {
  const file = fileURLToPath(new URL('../data/movies.json', import.meta.resolve('vega-datasets')));
  const raw = JSON.parse(await readFile(file, 'utf8')) as VegaMovie[];
  const seen = new Set<string>();
  const movies: DemoMovie[] = [];
  for (const row of raw) {
    const title = String(row.Title ?? '').trim();
    if (!title) continue;
    const releaseDate = demoReleaseDate(row['Release Date']);
    const key = `${title.toLowerCase()}|${releaseDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const budget = row['Production Budget'];
    const minutes = row['Running Time min'];
    const gross = row['Worldwide Gross'];
    const rating = row['IMDB Rating'];
    const votes = row['IMDB Votes'];
    const voted = typeof votes === 'number' && Number.isInteger(votes) && votes > 0 && votes <= 2_147_483_647;
    movies.push({
      title: truncate(title, 300),
      budget: typeof budget === 'number' && budget > 0 ? budget : null,
      releaseDate,
      durationMinutes: typeof minutes === 'number' && minutes >= 1 && minutes <= 1440 ? Math.round(minutes) : null,
      genres: GENRES[row['Major Genre'] ?? ''] ?? [],
      director: row.Director?.trim() || null,
      distributor: (typeof row.Distributor === 'string' && truncate(row.Distributor.trim(), 300)) || null,
      revenue: typeof gross === 'number' && gross > 0 && gross < 1e12 ? Math.round(gross) : null,
      voteAverage: voted && typeof rating === 'number' && rating >= 0 && rating <= 10 ? Math.round(rating * 10) / 10 : null,
      voteCount: voted ? votes : null,
      certification: (typeof row['MPAA Rating'] === 'string' && truncate(row['MPAA Rating'].trim(), 20)) || null,
    });
  }
  return movies;
}

async function hasMovies(db: Database): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from movie limit 1`)).length > 0;
}

/** Seeds the demo catalogue when there are no movies yet; answers how many it added (0 otherwise). */
export async function seedDemo(db: Database): Promise<number> {
  // Every embedded start asks; only an empty catalogue pays for reading the dataset.
  if (await hasMovies(db)) return 0;
  const movies = await loadDemoMovies();
  return db.transaction(async (tx) => {
    if (await hasMovies(tx)) return 0;

    const directors = [...new Set(movies.flatMap((m) => (m.director ? [m.director] : [])))];
    const directorIds = new Map<string, number>();
    for (let i = 0; i < directors.length; i += 1000) {
      const batch = directors.slice(i, i + 1000);
      const rows = rowsOf<{ id: number }>(
        await tx.execute(
          sql`insert into person (first_name, last_name) values ${sql.join(
            batch.map((name) => {
              const { firstName, lastName } = splitName(name);
              return sql`(${firstName}, ${lastName})`;
            }),
            sql`, `,
          )} returning person_id as id`,
        ),
      );
      batch.forEach((name, index) => directorIds.set(name, Number(rows[index]!.id)));
    }

    // One company a distributor (no TMDB id), each film's only one.
    const distributors = [...new Set(movies.flatMap((m) => (m.distributor ? [m.distributor] : [])))];
    const companyIds = new Map<string, number>();
    if (distributors.length) {
      const rows = rowsOf<{ id: number; name: string }>(
        await tx.execute(sql`insert into company (name) select unnest(${textArray(distributors)}) returning company_id as id, name`),
      );
      for (const row of rows) companyIds.set(row.name, Number(row.id));
    }

    const genreIds = new Map(
      rowsOf<{ id: number; name: string }>(await tx.execute(sql`select genre_id as id, genre_name as name from genre`)).map((g) => [
        g.name,
        Number(g.id),
      ]),
    );
    for (let i = 0; i < movies.length; i += 500) {
      const batch = movies.slice(i, i + 500);
      const rows = rowsOf<{ id: number }>(
        await tx.execute(
          sql`insert into movie (title, budget, release_date, duration, director_id, revenue, vote_average, vote_count, certification) values ${sql.join(
            batch.map(
              (m) => sql`(${m.title}, ${m.budget}::numeric, ${m.releaseDate}::date, make_interval(mins => ${m.durationMinutes}::int),
              ${m.director ? directorIds.get(m.director)! : null}::int, ${m.revenue}::numeric, ${m.voteAverage}::numeric, ${m.voteCount}::int, ${m.certification})`,
            ),
            sql`, `,
          )} returning movie_id as id`,
        ),
      );
      const links: SQL[] = batch.flatMap((m, index) =>
        m.genres.flatMap((name) => (genreIds.has(name) ? [sql`(${Number(rows[index]!.id)}::int, ${genreIds.get(name)!}::int)`] : [])),
      );
      if (links.length)
        await tx.execute(sql`insert into movie_genre (movie_id, genre_id) values ${sql.join(links, sql`, `)} on conflict do nothing`);
      const distributed: SQL[] = batch.flatMap((m, index) =>
        m.distributor ? [sql`(${Number(rows[index]!.id)}::int, ${companyIds.get(m.distributor)!}::int, 0)`] : [],
      );
      if (distributed.length)
        await tx.execute(sql`insert into movie_company (movie_id, company_id, position) values ${sql.join(distributed, sql`, `)}`);
    }
    return movies.length;
  });
}
