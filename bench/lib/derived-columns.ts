// Moves the staged rows into the real tables, computing each derived column in the same statement,
// exactly as the triggers of drizzle/0007_search_and_figures.sql and 0022_search_ranking_triggers.sql
// would have (with the same SQL functions), so that no table is written twice. The search postings
// and the dictionary follow from the loaded movies and people. verify.ts recomputes them the triggers' way.
import type { Sql } from 'postgres';
import { STAGING_SCHEMA } from './catalogue.js';

/** The crew jobs that make a credit a key one in a person's search weight (recount_person_figures, 0022). */
const KEY_CREW_JOBS = [
  'Director',
  'Screenplay',
  'Writer',
  'Novel',
  'Author',
  'Story',
  'Original Music Composer',
  'Music',
  'Director of Photography',
] as const;

/** The jobs as an SQL list: `job in (${KEY_CREW_JOBS_SQL})`. */
export const KEY_CREW_JOBS_SQL = KEY_CREW_JOBS.map((job) => `'${job}'`).join(', ');

/**
 * Needs movie_genre, movie_keyword, movie_company and favorite_movies loaded. The generator never casts one person twice in a
 * movie, so a movie's staged credits are its distinct actors (verify.ts recounts with distinct). It draws no
 * original titles: original_title stays null, its key is search_key(null) (empty) and adds no word to
 * title_document, which is still made the trigger's way. search_weight is a generated column.
 */
export async function insertMovies(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into movie (movie_id, title, description, budget, release_date, duration, director_id, country_id,
      original_language, status, revenue, popularity, vote_average, vote_count,
      created_at, updated_at, title_key, original_title_key, title_document, genre_ids, keyword_ids, company_ids, favorites_count, actors_count)
    select s.movie_id, s.title, s.description, s.budget, s.release_date, make_interval(mins => s.duration_minutes),
      s.director_id, s.country_id, s.original_language, s.status, s.revenue, s.popularity, s.vote_average, s.vote_count,
      s.created_at, s.created_at,
      k.title_key, k.original_title_key, search_document(k.title_key) || search_document(k.original_title_key), coalesce(g.ids, '{}'), coalesce(kw.ids, '{}'), coalesce(co.ids, '{}'),
      coalesce(f.favorites, 0), coalesce(a.actors, 0)
    from ${STAGING_SCHEMA}.movie s
    cross join lateral (select search_key(s.title) as title_key, search_key(null) as original_title_key) k
    left join (select movie_id, array_agg(genre_id order by genre_id) as ids from movie_genre group by movie_id) g
      on g.movie_id = s.movie_id
    left join (select movie_id, array_agg(keyword_id order by keyword_id) as ids from movie_keyword group by movie_id) kw
      on kw.movie_id = s.movie_id
    left join (select movie_id, array_agg(company_id order by company_id) as ids from movie_company group by movie_id) co
      on co.movie_id = s.movie_id
    left join (select movie_id, count(*)::int as favorites from favorite_movies group by movie_id) f
      on f.movie_id = s.movie_id
    left join (select movie_id, count(*)::int as actors from ${STAGING_SCHEMA}.actor_roles group by movie_id) a
      on a.movie_id = s.movie_id
    order by s.movie_id`);
  return result.count;
}

/**
 * People with their figures: the distinct movies they play in and those movies' known budgets
 * summed; the movies they direct and the average of the known budgets; and their search weight
 * (recount_person_figures of 0022): for each movie they are credited in, cast or crew, one plus
 * its votes, in full if any of their credits in it is a key one, a tenth otherwise. The staged
 * credits carry each character's movie, which spares joining ten million characters for the
 * movie; only the characters whose credit is not a key one (billed after the first ten, about a
 * fifth of them) are joined, to mark those credits.
 *
 * The twenty million cast and crew credits are grouped twice, by person and movie (each movie
 * once) and then by person: one sort by (person, movie) serves both groupings, where hashing
 * twenty million pairs took half as long again at a million movies (PostgreSQL picks the hash
 * on its own, misled by the union's estimates). verify.ts recounts through the real tables.
 */
export async function insertPersons(sql: Sql): Promise<number> {
  return sql.begin(async (tx) => {
    await tx.unsafe(`set local enable_hashagg = off`);
    await tx.unsafe(`set local work_mem = '2GB'`);
    const result = await tx.unsafe(`
      with credit as (
        select a.actor_id as person_id, a.movie_id, true as acting, minor.character_id is null as key
        from ${STAGING_SCHEMA}.actor_roles a
        left join (select character_id from "character" where coalesce(billing_order < 10, role = 'leading') is not true) minor
          on minor.character_id = a.character_id
        union all
        select person_id, movie_id, false, job in (${KEY_CREW_JOBS_SQL}) from crew_credit
      ), credited as (
        select c.person_id, bool_or(c.acting) as acting, bool_or(c.key) as key, min(m.budget) as budget, min(m.vote_count) as vote_count
        from credit c join ${STAGING_SCHEMA}.movie m on m.movie_id = c.movie_id
        group by c.person_id, c.movie_id
      ), figures as (
        select person_id, (count(*) filter (where acting))::int as movies_acted,
          coalesce(sum(budget) filter (where acting), 0) as acting_budget_total,
          sum(case when key then 1 else 0.1 end * (1 + coalesce(vote_count, 0)))::float8 as search_weight
        from credited group by person_id
      ), directed as (
        select director_id, count(*)::int as movies, round(avg(budget), 2) as budget_average
        from ${STAGING_SCHEMA}.movie where director_id is not null group by director_id
      )
      insert into person (person_id, first_name, last_name, biography, birth_date, gender, country_id, created_at, updated_at,
        name_key, sort_key, name_document, movies_acted, acting_budget_total, movies_directed, directing_budget_average, search_weight)
      select s.person_id, s.first_name, s.last_name, s.biography, s.birth_date, s.gender, s.country_id, s.created_at, s.created_at,
        k.name_key, search_key(s.last_name) || chr(1) || search_key(s.first_name), search_document(k.name_key),
        coalesce(f.movies_acted, 0), coalesce(f.acting_budget_total, 0), coalesce(d.movies, 0), d.budget_average,
        coalesce(f.search_weight, 0)
      from ${STAGING_SCHEMA}.person s
      cross join lateral (select search_key(btrim(s.first_name || ' ' || s.last_name)) as name_key) k
      left join figures f on f.person_id = s.person_id
      left join directed d on d.director_id = s.person_id
      order by s.person_id`);
    return result.count;
  });
}

/** In primary key order, so that the key's index is built by appending. */
export async function insertActorRoles(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into actor_roles (actor_id, character_id)
    select actor_id, character_id from ${STAGING_SCHEMA}.actor_roles order by actor_id, character_id`);
  return result.count;
}

/** Each word of each movie's title_document, with the movie's search weight (movie_search_words_changed). Needs movie loaded. */
export async function insertMovieSearchWords(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into movie_search_word (movie_id, word, weight)
    select m.movie_id, d.lexeme, m.search_weight from movie m cross join lateral unnest(m.title_document) d`);
  return result.count;
}

/**
 * Each word of each person's name_document, with the person's search weight, and whether it is
 * a word of the last name, whose key sort_key begins with (person_search_words_changed). Needs
 * person loaded.
 */
export async function insertPersonSearchWords(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into person_search_word (person_id, word, surname, weight)
    select p.person_id, d.lexeme, d.lexeme = any (tsvector_to_array(search_document(split_part(p.sort_key, chr(1), 1)))),
      p.search_weight
    from person p cross join lateral unnest(p.name_document) d`);
  return result.count;
}

/**
 * Every word of three letters or more of the titles and names, with the highest weight it has in
 * the postings (remember_search_words keeps the highest it has been seen with). Needs both
 * postings loaded: 3 seconds for the 8.6 million postings of a million movies.
 */
export async function insertSearchWords(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into search_word (word, weight)
    select word, max(weight) from (
      select word, weight from movie_search_word union all select word, weight from person_search_word
    ) w
    where length(word) >= 3
    group by word
    order by word`);
  return result.count;
}

/** keyword.movies_count and company.movies_count, as the triggers of drizzle/0016 keep them. */
export async function updateLinkCounts(sql: Sql): Promise<number> {
  const keywords = await sql.unsafe(`update keyword k set movies_count = c.n
    from (select keyword_id, count(*)::int as n from movie_keyword group by keyword_id) c where k.keyword_id = c.keyword_id`);
  const companies = await sql.unsafe(`update company co set movies_count = c.n
    from (select company_id, count(*)::int as n from movie_company group by company_id) c where co.company_id = c.company_id`);
  return keywords.count + companies.count;
}
