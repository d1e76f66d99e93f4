// The synthetic catalogue: how many rows of each kind a scale means, and the loops that draw them
// (seeded, so the same scale and seed always give the same rows) and stream them into the database.
// Base rows only: derived columns are computed in SQL afterwards (derived-columns.ts).
import type { Sql } from 'postgres';
import { type CopyStream, openCopy } from './copy.js';
import { type LinkCounts, openMovieLinks } from './movie-links.js';
import { everyTenth } from './phases.js';
import { type Random, createRandom, spreadIds, weightedPicker } from './random.js';
import { characterDescription, characterName, movieDescription, movieTitle, personBiography, personName } from './text.js';

export interface Scale {
  movies: number;
  /** Three people a movie: actors, directors, and many who are both or neither. */
  persons: number;
  /** A few percent of the people direct; the most prolific direct hundreds of movies. */
  directors: number;
  /** One user for ten movies; each keeps about ten favorites, so favorites ≈ movies. */
  users: number;
  /** 30,000 keywords and 20,000 companies for a million movies, as TMDB's proportions. */
  keywords: number;
  companies: number;
}

export const MIN_MOVIES = 100;

/** Every generated user's password (bench/run.ts signs in with it). */
export const BENCH_PASSWORD = 'bench-password';

export function scaleFor(movies: number): Scale {
  const persons = movies * 3;
  return {
    movies,
    persons,
    directors: Math.max(1, Math.round(persons * 0.03)),
    users: Math.max(1, Math.round(movies / 10)),
    keywords: Math.max(50, Math.round(movies * 0.03)),
    companies: Math.max(50, Math.round(movies * 0.02)),
  };
}

/** The staging tables the loops fill; derived-columns.ts moves them into the real tables. */
export const STAGING_SCHEMA = 'bench_load';

export async function createStagingTables(sql: Sql): Promise<void> {
  // Unlogged: nothing is written twice for a table that lives a few minutes.
  await sql.unsafe(`
    drop schema if exists ${STAGING_SCHEMA} cascade;
    create schema ${STAGING_SCHEMA};
    create unlogged table ${STAGING_SCHEMA}.movie (
      movie_id integer, title text, description text, budget numeric(14, 2), release_date date,
      duration_minutes integer, director_id integer, country_id integer, created_at timestamptz,
      original_language text, status movie_status, revenue numeric(14, 2), popularity float8,
      vote_average numeric(3, 1), vote_count integer);
    create unlogged table ${STAGING_SCHEMA}.person (
      person_id integer, first_name text, last_name text, biography text, birth_date date,
      gender gender, country_id integer, created_at timestamptz);
    create unlogged table ${STAGING_SCHEMA}.actor_roles (actor_id integer, character_id integer, movie_id integer);
  `);
}

/** Statistics for the planner: without them it guesses badly about millions of staged rows. */
export async function analyzeStagingTables(sql: Sql): Promise<void> {
  await sql.unsafe(
    `analyze ${STAGING_SCHEMA}.movie, ${STAGING_SCHEMA}.person, ${STAGING_SCHEMA}.actor_roles, movie_genre, favorite_movies`,
  );
}

export async function dropStagingTables(sql: Sql): Promise<void> {
  await sql.unsafe(`drop schema if exists ${STAGING_SCHEMA} cascade`);
}

/** What the migrations inserted, which the generated rows refer to. */
export interface ReferenceData {
  genres: { id: number; name: string }[];
  countries: { id: number; code: string }[];
  languages: string[];
  departments: { id: number; name: string }[];
}

export async function readReferenceData(sql: Sql): Promise<ReferenceData> {
  const genres = await sql<{ id: number; name: string }[]>`select genre_id as id, genre_name as name from genre order by genre_id`;
  const countries = await sql<{ id: number; code: string }[]>`select country_id as id, code from country order by country_id`;
  const languages = await sql<{ code: string }[]>`select code from language order by code`;
  const departments = await sql<{ id: number; name: string }[]>`select department_id as id, name from department order by department_id`;
  if (genres.length === 0 || countries.length === 0 || languages.length === 0 || departments.length === 0) {
    throw new Error('The migrations inserted no genres, countries, languages or departments');
  }
  return { genres: [...genres], countries: [...countries], languages: languages.map((row) => row.code), departments: [...departments] };
}

// Each part of the catalogue draws from its own stream, so that changing one part leaves the
// others' rows as they were.
const PART = { persons: 1, movies: 2, users: 3, favorites: 4, movieFacts: 5 } as const;

// Roughly how TMDB's movies spread over its genres: Drama everywhere, Westerns rare (the rare
// genres are the ones a genre filter must still answer fast).
const GENRE_WEIGHTS: Record<string, number> = {
  Drama: 20,
  Comedy: 14,
  Thriller: 9,
  Action: 9,
  Romance: 7,
  Horror: 6,
  Crime: 6,
  Adventure: 5,
  Documentary: 5,
  Family: 4,
  'Science Fiction': 4,
  Mystery: 4,
  Fantasy: 4,
  Animation: 3,
  History: 2,
  Music: 2,
  War: 1.5,
  'TV Movie': 1,
  Western: 1,
};

// A few countries make most films; every other country makes a few.
const COUNTRY_WEIGHTS: Record<string, number> = {
  US: 30,
  GB: 8,
  FR: 6,
  IN: 6,
  JP: 4,
  DE: 4,
  IT: 3,
  ES: 3,
  CA: 3,
  KR: 2,
  CN: 2,
  MX: 2,
  BR: 2,
  AU: 2,
  SE: 1,
  DK: 1,
};

export function countryPicker(reference: ReferenceData): (random: Random) => number {
  return weightedPicker(reference.countries.map((country) => [country.id, COUNTRY_WEIGHTS[country.code] ?? 0.15] as const));
}

/** The timestamp of the index-th row of a table whose rows came in every `stepSeconds` since `since`. */
function timestampAt(since: string, index: number, stepSeconds: number): string {
  return new Date(Date.parse(since) + index * stepSeconds * 1000).toISOString();
}

function dateIn(random: Random, year: number): string {
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

async function drained(...streams: CopyStream[]): Promise<void> {
  for (const stream of streams) {
    const pending = stream.drained();
    if (pending) await pending;
  }
}

export async function generatePersons(
  sql: Sql,
  scale: Scale,
  reference: ReferenceData,
  seed: number,
  progress: (done: number) => void,
): Promise<number> {
  const random = createRandom(seed, PART.persons);
  const country = countryPicker(reference);
  const gender = weightedPicker([
    ['female', 45],
    ['male', 45],
    ['non_binary', 1],
    ['unknown', 9],
  ] as const);
  const persons = await openCopy(sql, {
    table: `${STAGING_SCHEMA}.person`,
    columns: ['person_id', 'first_name', 'last_name', 'biography', 'birth_date', 'gender', 'country_id', 'created_at'],
  });
  const report = everyTenth(scale.persons, progress);
  for (let personId = 1; personId <= scale.persons; personId++) {
    const name = personName(random);
    const birthYear = random.chance(0.75) ? random.int(1900, 2008) : null;
    persons.row([
      personId,
      name.firstName,
      name.lastName,
      random.chance(0.1) ? personBiography(random, name, birthYear) : null,
      birthYear === null ? null : dateIn(random, birthYear),
      gender(random),
      random.chance(0.8) ? country(random) : null,
      timestampAt('2022-01-01T00:00:00Z', personId, 10),
    ]);
    await drained(persons);
    report(personId);
  }
  return persons.end();
}

export interface MovieCounts extends LinkCounts {
  movies: number;
  movieGenres: number;
  characters: number;
  actorRoles: number;
}

/**
 * Movies with their genres, characters and performers, and their lists (movie-links.ts). Every character has a principal actor (in
 * character.actor_id and in actor_roles); a few have a second performer. Nobody is cast twice in one
 * movie, so each actor_roles row of a movie is a distinct (person, movie) pair.
 */
export async function generateMovies(
  sql: Sql,
  scale: Scale,
  reference: ReferenceData,
  seed: number,
  progress: (done: number) => void,
): Promise<MovieCounts> {
  const random = createRandom(seed, PART.movies);
  // TMDB's facts from a stream of their own: the rest of the catalogue is what it was without them.
  const factsRandom = createRandom(seed, PART.movieFacts);
  const country = countryPicker(reference);
  const genre = weightedPicker(reference.genres.map((g) => [g.id, GENRE_WEIGHTS[g.name] ?? 2] as const));
  const genreCount = weightedPicker([
    [1, 40],
    [2, 40],
    [3, 20],
  ] as const);
  // Popular ranks spread over the whole id range; directors are the first ranks of their own order.
  const actorOf = spreadIds(scale.persons, 7_368_787, 12_345);
  const directorOf = spreadIds(scale.persons, 4_256_249, 999);

  const [movies, movieGenres, characters, actorRoles] = await Promise.all([
    openCopy(sql, {
      table: `${STAGING_SCHEMA}.movie`,
      columns: [
        'movie_id',
        'title',
        'description',
        'budget',
        'release_date',
        'duration_minutes',
        'director_id',
        'country_id',
        'created_at',
        'original_language',
        'status',
        'revenue',
        'popularity',
        'vote_average',
        'vote_count',
      ],
    }),
    openCopy(sql, { table: 'movie_genre', columns: ['movie_id', 'genre_id'] }),
    openCopy(sql, {
      table: '"character"',
      columns: ['character_id', 'name', 'description', 'role', 'movie_id', 'actor_id', 'billing_order', 'created_at', 'updated_at'],
    }),
    openCopy(sql, { table: `${STAGING_SCHEMA}.actor_roles`, columns: ['actor_id', 'character_id', 'movie_id'] }),
  ]);
  const links = await openMovieLinks(sql, scale, reference, country, seed);

  /** Someone not yet in this movie's cast; popular actors are drawn far more often. */
  const castMember = (cast: number[]): number => {
    let actorId = actorOf(random.skewedRank(scale.persons, 1.5));
    while (cast.includes(actorId)) actorId = random.int(1, scale.persons);
    cast.push(actorId);
    return actorId;
  };

  const report = everyTenth(scale.movies, progress);
  let characterId = 0;
  for (let movieId = 1; movieId <= scale.movies; movieId++) {
    const createdAt = timestampAt('2022-01-01T00:00:00Z', movieId, 30);
    // Drawn in this order, as they always were, so that the same seed gives the same movies.
    const title = movieTitle(random);
    const description = random.chance(0.6) ? movieDescription(random) : null;
    const movieBudget = random.chance(0.4) ? budget(random) : null;
    const released = random.chance(0.99) ? releaseDate(random) : null;
    const duration = random.chance(0.98) ? durationMinutes(random) : null;
    const directorId = random.chance(0.92) ? directorOf(random.skewedRank(scale.directors, 1.5)) : null;
    const countryId = random.chance(0.97) ? country(random) : null;
    const facts = movieFacts(factsRandom);
    movies.row([movieId, title, description, movieBudget, released, duration, directorId, countryId, createdAt, ...facts]);
    links.add({ movieId, countryId, directorId, originalLanguage: facts[0] });

    const genres = new Set<number>();
    for (let wanted = genreCount(random); genres.size < wanted;) genres.add(genre(random));
    for (const genreId of [...genres].sort((a, b) => a - b)) movieGenres.row([movieId, genreId]);

    const cast: number[] = [];
    const characterCount = random.int(2, 18);
    for (let order = 0; order < characterCount; order++) {
      characterId++;
      const actorId = castMember(cast);
      characters.row([
        characterId,
        random.chance(0.95) ? characterName(random) : null,
        random.chance(0.1) ? characterDescription(random) : null,
        characterRole(random, order),
        movieId,
        actorId,
        order,
        createdAt,
        createdAt,
      ]);
      actorRoles.row([actorId, characterId, movieId]);
      if (random.chance(0.03)) actorRoles.row([castMember(cast), characterId, movieId]);
    }
    await drained(movies, movieGenres, characters, actorRoles);
    await links.drained();
    report(movieId);
  }
  const [[movieCount, movieGenreCount, characterCount, actorRoleCount], linkCounts] = await Promise.all([
    Promise.all([movies, movieGenres, characters, actorRoles].map((stream) => stream.end())),
    links.end(),
  ]);
  return { movies: movieCount!, movieGenres: movieGenreCount!, characters: characterCount!, actorRoles: actorRoleCount!, ...linkCounts };
}

const LANGUAGES = weightedPicker([
  ['en', 70],
  ['fr', 5],
  ['es', 5],
  ['ja', 4],
  ['de', 3],
  ['it', 3],
  ['ko', 2],
  ['zh', 2],
  ['hi', 2],
  ['ru', 2],
  ['sv', 1],
  ['xx', 1],
] as const);
const STATUSES = weightedPicker([
  ['released', 950],
  ['post_production', 20],
  ['in_production', 10],
  ['planned', 10],
  ['rumored', 5],
  ['canceled', 5],
] as const);

/**
 * Original language, status, revenue, popularity and votes, roughly as TMDB's spread: most movies
 * have few votes and a few have tens of thousands; the average clusters around 6.3; popularity
 * follows the votes.
 */
function movieFacts(random: Random): [string | null, string, number | null, number, number | null, number] {
  const votes = random.chance(0.05) ? 0 : Math.floor(20_000 * random.next() ** 4);
  const spread = (random.next() + random.next() + random.next() - 1.5) * 2.4;
  const average = votes === 0 ? null : Math.round(Math.min(10, Math.max(0, 6.3 + spread)) * 10) / 10;
  const popularity = Math.round((votes / 100 + random.next() * 5) * 1e6) / 1e6;
  const revenue = random.chance(0.35) ? Math.round(Math.exp(Math.log(10_000) + random.next() * Math.log(200_000))) : null;
  return [random.chance(0.99) ? LANGUAGES(random) : null, STATUSES(random), revenue, popularity, average, votes];
}

/** 100 thousand to 300 million, evenly spread on a log scale, in whole thousands. */
function budget(random: Random): number {
  const low = Math.log(100_000);
  const high = Math.log(300_000_000);
  return Math.round(Math.exp(low + random.next() * (high - low)) / 1000) * 1000;
}

/** 1920 to 2026, more of them recent. */
function releaseDate(random: Random): string {
  return dateIn(random, 2026 - Math.floor(107 * random.next() ** 1.6));
}

/** 60 to 200 minutes, most of them between 80 and 130. */
function durationMinutes(random: Random): number {
  const spread = ((random.next() + random.next() + random.next()) / 3) ** 1.4;
  return 60 + Math.round(140 * spread);
}

/** The first billed are the leads, then a few supporting roles, then the rest. */
function characterRole(random: Random, order: number): string {
  if (order === 0 || (order === 1 && random.chance(0.5))) return 'leading';
  return order < 5 ? 'supporting' : 'background';
}

export async function generateUsers(sql: Sql, scale: Scale, passwordHash: string, seed: number): Promise<number> {
  const random = createRandom(seed, PART.users);
  const users = await openCopy(sql, {
    table: 'user_account',
    columns: ['user_id', 'username', 'first_name', 'last_name', 'email', 'password_hash', 'role', 'created_at', 'updated_at'],
  });
  for (let userId = 1; userId <= scale.users; userId++) {
    const name = personName(random);
    const createdAt = userCreatedAt(userId);
    users.row([
      userId,
      `user${userId}`,
      name.firstName,
      name.lastName || null,
      `user${userId}@bench.example`,
      passwordHash,
      'user',
      createdAt,
      createdAt,
    ]);
    await drained(users);
  }
  return users.end();
}

function userCreatedAt(userId: number): string {
  return timestampAt('2023-01-01T00:00:00Z', userId, 300);
}

/**
 * About ten favorites a user, distinct movies each, drawn with a strong skew: a few movies are kept
 * by thousands of users and most by a handful, so that sorting by popularity means something.
 * Written in primary key order (user, movie).
 */
export async function generateFavorites(sql: Sql, scale: Scale, seed: number): Promise<number> {
  const random = createRandom(seed, PART.favorites);
  const movieOf = spreadIds(scale.movies, 1_299_709, 4_242);
  const favorites = await openCopy(sql, { table: 'favorite_movies', columns: ['user_id', 'movie_id', 'created_at'] });
  for (let userId = 1; userId <= scale.users; userId++) {
    const wanted = Math.min(random.int(1, 19), scale.movies);
    const kept = new Set<number>();
    while (kept.size < wanted) {
      const popular = movieOf(random.skewedRank(scale.movies, 2.2));
      kept.add(kept.has(popular) ? random.int(1, scale.movies) : popular);
    }
    const since = Date.parse(userCreatedAt(userId));
    [...kept]
      .sort((a, b) => a - b)
      .forEach((movieId, index) => favorites.row([userId, movieId, new Date(since + (index + 1) * 3_600_000).toISOString()]));
    await drained(favorites);
  }
  return favorites.end();
}
