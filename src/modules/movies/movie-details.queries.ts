// A movie page: everything about one movie in one statement, however large its cast and crew.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { fixedStatement } from '../../db/database.js';
import { isoTimestamp } from '../../db/sql.js';
import { personRefJson } from '../files/image-sizes.js';
import { characterJson, characterOrder, characterSources } from '../characters/characters.queries.js';
import { crewOrderWithin } from './crew.queries.js';
import { movieSources, normalizeMovie, summaryFields } from './movie-summaries.queries.js';
import type { MovieDetails } from './movies.schemas.js';

const countryRefJson = (alias: string) => {
  const c = sql.raw(alias);
  return sql`json_build_object('id', ${c}.country_id, 'code', ${c}.code, 'name', ${c}.name)`;
};

function movieDetailsStatement(withFavorite: boolean) {
  return fixedStatement(
    (value) => sql`
      select json_build_object(${summaryFields},
        'description', m.description,
        'tagline', m.tagline,
        'certification', m.certification,
        'status', m.status,
        'homepage', m.homepage,
        'revenue', m.revenue,
        'characters', coalesce((
          select json_agg(${characterJson} order by ${characterOrder})
          from ${characterSources} where ch.movie_id = m.movie_id), '[]'::json),
        'countries', coalesce((
          select json_agg(${countryRefJson('pc')} order by mc.position)
          from movie_country mc join country pc on pc.country_id = mc.country_id where mc.movie_id = m.movie_id), '[]'::json),
        'languages', coalesce((
          select json_agg(json_build_object('code', l.code, 'name', l.name) order by ml.position)
          from movie_language ml join language l on l.code = ml.language_code where ml.movie_id = m.movie_id), '[]'::json),
        'keywords', coalesce((
          select json_agg(json_build_object('id', k.keyword_id, 'name', k.name) order by k.name collate "C", k.keyword_id)
          from movie_keyword mk join keyword k on k.keyword_id = mk.keyword_id where mk.movie_id = m.movie_id), '[]'::json),
        'companies', coalesce((
          select json_agg(json_build_object('id', co.company_id, 'name', co.name,
              'originCountry', case when oc.country_id is null then null else ${countryRefJson('oc')} end) order by mco.position)
          from movie_company mco join company co on co.company_id = mco.company_id
          left join country oc on oc.country_id = co.origin_country_id
          where mco.movie_id = m.movie_id), '[]'::json),
        'crew', coalesce((
          select json_agg(json_build_object('department', json_build_object('id', g.department_id, 'name', g.name),
              'credits', g.credits) order by g.department_id)
          from (
            -- The movie's credits in one index range, grouped by department.
            select dep.department_id, dep.name,
              json_agg(json_build_object('id', cc.credit_id, 'job', cc.job, 'person', ${personRefJson('cp')}) order by ${crewOrderWithin}) as credits
            from crew_credit cc join person cp on cp.person_id = cc.person_id
            join department dep on dep.department_id = cc.department_id
            where cc.movie_id = m.movie_id
            group by dep.department_id, dep.name) g), '[]'::json),
        'createdAt', ${isoTimestamp(sql`m.created_at`)},
        'updatedAt', ${isoTimestamp(sql`m.updated_at`)}
        ${withFavorite ? sql`, 'isFavorite', exists (select 1 from favorite_movies f where f.movie_id = m.movie_id and f.user_id = ${value('userId')})` : sql``})::text as doc
      from ${movieSources}
      where m.movie_id = ${value('movieId')}`,
  );
}
const MOVIE_DETAILS = { anonymous: movieDetailsStatement(false), signedIn: movieDetailsStatement(true) };

/**
 * Everything about one movie in one statement, as the JSON text PostgreSQL built (GET /movies/{id}
 * sends it as it is); isFavorite only when a user is named.
 */
export async function findMovieDetailsJson(db: Database, movieId: number, userId?: number): Promise<string | undefined> {
  const rows =
    userId === undefined
      ? await MOVIE_DETAILS.anonymous<{ doc: string }>(db, { movieId })
      : await MOVIE_DETAILS.signedIn<{ doc: string }>(db, { movieId, userId });
  return rows[0]?.doc;
}

/** Everything about one movie, as an object. */
export async function findMovieDetails(db: Database, movieId: number, userId?: number): Promise<MovieDetails | undefined> {
  const json = await findMovieDetailsJson(db, movieId, userId);
  return json === undefined ? undefined : normalizeMovie(JSON.parse(json) as MovieDetails);
}
