// Moves the staged rows into the real tables, computing each derived column in the same statement,
// exactly as the triggers of drizzle/0007_search_and_figures.sql would have (with the same SQL
// functions), so that no table is written twice. verify.ts recomputes them the triggers' way.
import type { Sql } from 'postgres';
import { STAGING_SCHEMA } from './catalogue.js';

/**
 * Needs movie_genre, movie_keyword, movie_company and favorite_movies loaded. The generator never casts one person twice in a
 * movie, so a movie's staged credits are its distinct actors (verify.ts recounts with distinct).
 */
export async function insertMovies(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into movie (movie_id, title, description, budget, release_date, duration, director_id, country_id,
      original_language, status, revenue, popularity, vote_average, vote_count,
      created_at, updated_at, title_key, title_document, genre_ids, keyword_ids, company_ids, favorites_count, actors_count)
    select s.movie_id, s.title, s.description, s.budget, s.release_date, make_interval(mins => s.duration_minutes),
      s.director_id, s.country_id, s.original_language, s.status, s.revenue, s.popularity, s.vote_average, s.vote_count,
      s.created_at, s.created_at,
      k.title_key, search_document(k.title_key), coalesce(g.ids, '{}'), coalesce(kw.ids, '{}'), coalesce(co.ids, '{}'),
      coalesce(f.favorites, 0), coalesce(a.actors, 0)
    from ${STAGING_SCHEMA}.movie s
    cross join lateral (select search_key(s.title) as title_key) k
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
 * summed; the movies they direct and the average of the known budgets. The staged credits carry
 * each character's movie, which spares joining ten million characters, and the generator never
 * casts one person twice in a movie, so each staged credit is already a distinct (person, movie)
 * pair (verify.ts recounts with distinct, through the real tables).
 */
export async function insertPersons(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    with acted as (
      select c.actor_id, count(*)::int as movies, coalesce(sum(m.budget), 0) as budget_total
      from ${STAGING_SCHEMA}.actor_roles c
      join ${STAGING_SCHEMA}.movie m on m.movie_id = c.movie_id
      group by c.actor_id
    ), directed as (
      select director_id, count(*)::int as movies, round(avg(budget), 2) as budget_average
      from ${STAGING_SCHEMA}.movie where director_id is not null group by director_id
    )
    insert into person (person_id, first_name, last_name, biography, birth_date, gender, country_id, created_at, updated_at,
      name_key, sort_key, name_document, movies_acted, acting_budget_total, movies_directed, directing_budget_average)
    select s.person_id, s.first_name, s.last_name, s.biography, s.birth_date, s.gender, s.country_id, s.created_at, s.created_at,
      k.name_key, search_key(s.last_name) || chr(1) || search_key(s.first_name), search_document(k.name_key),
      coalesce(a.movies, 0), coalesce(a.budget_total, 0), coalesce(d.movies, 0), d.budget_average
    from ${STAGING_SCHEMA}.person s
    cross join lateral (select search_key(btrim(s.first_name || ' ' || s.last_name)) as name_key) k
    left join acted a on a.actor_id = s.person_id
    left join directed d on d.director_id = s.person_id
    order by s.person_id`);
  return result.count;
}

/** In primary key order, so that the key's index is built by appending. */
export async function insertActorRoles(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into actor_roles (actor_id, character_id)
    select actor_id, character_id from ${STAGING_SCHEMA}.actor_roles order by actor_id, character_id`);
  return result.count;
}

/**
 * Every distinct word of three letters or more of the titles and names (remember_search_words).
 * Each document is search_document(key), and many rows share a key (3 million people have only
 * tens of thousands of distinct names), so the distinct keys are split into words once each.
 */
export async function insertSearchWords(sql: Sql): Promise<number> {
  const result = await sql.unsafe(`
    insert into search_word (word)
    select distinct w.lexeme from (
      select u.lexeme from (select distinct title_key as key from movie) k cross join lateral unnest(search_document(k.key)) u
      union all
      select u.lexeme from (select distinct name_key as key from person) k cross join lateral unnest(search_document(k.key)) u
    ) w
    where length(w.lexeme) >= 3`);
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
