// The consistency check of a generated catalogue: the loader skipped triggers and foreign key
// checks, so this recomputes every derived column the way the triggers of
// drizzle/0007_search_and_figures.sql and 0022_search_ranking_triggers.sql define it (as
// test/helpers/database.ts's derivedDrift does), and looks for what the skipped rules would have
// refused. Each check counts the rows that disagree; all must be 0.
import type { Sql } from 'postgres';
import { KEY_CREW_JOBS_SQL } from './derived-columns.js';
import { DIRECTOR_JOB } from './movie-links.js';

/** The people whose search weight is recounted one by one: all of them up to this many, evenly spread beyond. */
const SAMPLED_PEOPLE = 100_000;

export interface CheckResult {
  check: string;
  mismatches: number;
}

const CHECKS: { check: string; query: string }[] = [
  {
    check: 'movie.title_key, original_title_key, title_document, search_weight',
    query: `select count(*) from movie
      where title_key is distinct from search_key(title) or original_title_key is distinct from search_key(original_title)
        or title_document is distinct from search_document(search_key(title)) || search_document(search_key(original_title))
        or search_weight is distinct from (coalesce(vote_count, 0) + 20 * favorites_count)::float8`,
  },
  {
    check: 'person.name_key, sort_key, name_document',
    query: `select count(*) from person
      where name_key is distinct from search_key(btrim(first_name || ' ' || last_name))
        or sort_key is distinct from search_key(last_name) || chr(1) || search_key(first_name)
        or name_document is distinct from search_document(search_key(btrim(first_name || ' ' || last_name)))`,
  },
  {
    check: 'movie.genre_ids',
    query: `select count(*) from movie m
      left join (select movie_id, array_agg(genre_id order by genre_id) as ids from movie_genre group by movie_id) g
        on g.movie_id = m.movie_id
      where m.genre_ids is distinct from coalesce(g.ids, '{}'::integer[])`,
  },
  {
    check: 'movie.keyword_ids, company_ids',
    query: `select count(*) from movie m
      left join (select movie_id, array_agg(keyword_id order by keyword_id) as ids from movie_keyword group by movie_id) k
        on k.movie_id = m.movie_id
      left join (select movie_id, array_agg(company_id order by company_id) as ids from movie_company group by movie_id) c
        on c.movie_id = m.movie_id
      where m.keyword_ids is distinct from coalesce(k.ids, '{}'::integer[])
        or m.company_ids is distinct from coalesce(c.ids, '{}'::integer[])`,
  },
  {
    check: 'keyword.movies_count, company.movies_count',
    query: `select (select count(*) from keyword k
        where k.movies_count <> (select count(*) from movie_keyword mk where mk.keyword_id = k.keyword_id))
      + (select count(*) from company co
        where co.movies_count <> (select count(*) from movie_company mc where mc.company_id = co.company_id))`,
  },
  {
    // TMDB's facts: filled for most movies, an average only with votes behind it (what the
    // service shows and the rating sort ranks); the checks of migration 0012 hold for loaded rows too.
    check: 'movie facts (language, status, votes, revenue, popularity)',
    query: `select count(*) from movie
      where (vote_average is not null and coalesce(vote_count, 0) = 0)
        or vote_count is null or popularity is null or status is null
        or not (original_language ~ '^[a-z]{2,3}$') or revenue < 0 or popularity < 0
        or not (vote_average between 0 and 10) or vote_count < 0`,
  },
  {
    check: 'movie.favorites_count',
    query: `select count(*) from movie m
      left join (select movie_id, count(*)::int as n from favorite_movies group by movie_id) f on f.movie_id = m.movie_id
      where m.favorites_count is distinct from coalesce(f.n, 0)`,
  },
  {
    // refresh_movie_actors_count: the distinct people in any of the movie's characters.
    check: 'movie.actors_count',
    query: `select count(*) from movie m
      left join (select ch.movie_id, count(distinct ar.actor_id)::int as n
        from "character" ch join actor_roles ar on ar.character_id = ch.character_id group by ch.movie_id) a
        on a.movie_id = m.movie_id
      where m.actors_count is distinct from coalesce(a.n, 0)`,
  },
  {
    // refresh_person_figures, set-based: credits through actor_roles and character, each movie once.
    check: 'person figures (movies acted, budget total, movies directed, budget average)',
    query: `with acted as (
        select x.actor_id, count(*)::int as movies, coalesce(sum(mv.budget), 0) as budget_total
        from (select distinct ar.actor_id, ch.movie_id from actor_roles ar join "character" ch on ch.character_id = ar.character_id) x
        join movie mv on mv.movie_id = x.movie_id
        group by x.actor_id
      ), directed as (
        select director_id, count(*)::int as movies, round(avg(budget), 2) as budget_average
        from movie where director_id is not null group by director_id
      )
      select count(*) from person p
      left join acted a on a.actor_id = p.person_id
      left join directed d on d.director_id = p.person_id
      where (p.movies_acted, p.acting_budget_total, p.movies_directed, p.directing_budget_average)
        is distinct from (coalesce(a.movies, 0), coalesce(a.budget_total, 0), coalesce(d.movies, 0), d.budget_average)`,
  },
  {
    check: 'character.actor_id has its actor_roles row',
    query: `select count(*) from "character" c
      where c.actor_id is not null
        and not exists (select 1 from actor_roles ar where ar.actor_id = c.actor_id and ar.character_id = c.character_id)`,
  },
  {
    // recount_person_figures, person by person through the real tables (the loader went through the
    // staged credits, with one sort for everyone): a credit is a key one when billed in the first
    // ten (or leading where the billing is not known), or for one of the key crew jobs.
    check: `person.search_weight, recounted for ${SAMPLED_PEOPLE.toLocaleString('en')} people spread over the ids (all if fewer)`,
    query: `select count(*) from person p
      where p.person_id % (select greatest(1, ceil(count(*) / ${SAMPLED_PEOPLE}.0))::int from person) = 0
        and p.search_weight is distinct from (
          select coalesce(sum(case when credited.key then 1 else 0.1 end * (1 + coalesce(mv.vote_count, 0))), 0)::float8
          from (
            select c.movie_id, bool_or(c.key) as key from (
              select ch.movie_id, coalesce(ch.billing_order < 10, ch.role = 'leading') as key
              from actor_roles ar join "character" ch on ch.character_id = ar.character_id where ar.actor_id = p.person_id
              union all
              select cc.movie_id, cc.job in (${KEY_CREW_JOBS_SQL}) from crew_credit cc where cc.person_id = p.person_id
            ) c group by c.movie_id
          ) credited
          join movie mv on mv.movie_id = credited.movie_id)`,
  },
  {
    // movie_search_words_changed: one posting a word of the title document, no other.
    check: 'movie_search_word: the words of each title_document, with the movie search_weight',
    query: `select count(*) from (
        select m.movie_id, d.lexeme as word, m.search_weight as weight from movie m cross join lateral unnest(m.title_document) d
      ) e
      full join movie_search_word w on w.movie_id = e.movie_id and w.word = e.word
      where e.movie_id is null or w.movie_id is null or w.weight is distinct from e.weight`,
  },
  {
    // person_search_words_changed, with the surname words from the last name itself.
    check: 'person_search_word: the words of each name_document, surname flag, the person search_weight',
    query: `select count(*) from (
        select p.person_id, d.lexeme as word, d.lexeme = any (tsvector_to_array(search_document(search_key(p.last_name)))) as surname,
          p.search_weight as weight
        from person p cross join lateral unnest(p.name_document) d
      ) e
      full join person_search_word w on w.person_id = e.person_id and w.word = e.word
      where e.person_id is null or w.person_id is null or w.surname is distinct from e.surname or w.weight is distinct from e.weight`,
  },
  {
    // remember_search_words: each word of three letters or more, with the highest weight of a row
    // that has it. Words of titles and names since removed stay in the dictionary; a fresh
    // catalogue has none, so the dictionary is exactly these words.
    check: 'search_word: exactly the title and name words, each with its highest weight',
    query: `select count(*) from (
        select d.lexeme as word, max(x.weight) as weight from (
          select title_document as document, search_weight as weight from movie
          union all
          select name_document, search_weight from person
        ) x cross join lateral unnest(x.document) d
        where length(d.lexeme) >= 3
        group by d.lexeme
      ) e
      full join search_word s on s.word = e.word
      where e.word is null or s.word is null or s.weight is distinct from e.weight`,
  },
  {
    // movie_country_head (migration 0015): movie.country_id is the list's position 0, a movie without
    // one has no list; positions run 0..n-1.
    check: 'movie_country: head is movie.country_id, positions 0..n-1',
    query: `select count(*) from movie m
      left join (select movie_id, count(*) as n, count(distinct position) as positions, max(position) as last,
          min(country_id) filter (where position = 0) as head
        from movie_country group by movie_id) c on c.movie_id = m.movie_id
      where (m.country_id is null and c.n is not null)
        or (m.country_id is not null and (c.head is distinct from m.country_id or c.positions <> c.n or c.last <> c.n - 1))`,
  },
  ...['movie_language', 'movie_company'].map((table) => ({
    check: `${table}: positions 0..n-1`,
    query: `select count(*) from (select movie_id from ${table} group by movie_id
      having count(distinct position) <> count(*) or min(position) <> 0 or max(position) <> count(*) - 1) x`,
  })),
  {
    check: 'movie_language: the original language is spoken first',
    query: `select count(*) from movie m
      where m.original_language is not null
        and not exists (select 1 from movie_language l where l.movie_id = m.movie_id and l.position = 0 and l.language_code = m.original_language)`,
  },
  {
    check: 'every movie has 1 to 3 spoken languages, 1 to 3 companies, at most 3 countries and 10 keywords',
    query: `select count(*) from movie m
      left join (select movie_id, count(*) as n from movie_language group by movie_id) l on l.movie_id = m.movie_id
      left join (select movie_id, count(*) as n from movie_company group by movie_id) c on c.movie_id = m.movie_id
      left join (select movie_id, count(*) as n from movie_country group by movie_id) co on co.movie_id = m.movie_id
      left join (select movie_id, count(*) as n from movie_keyword group by movie_id) k on k.movie_id = m.movie_id
      where coalesce(l.n, 0) not between 1 and 3 or coalesce(c.n, 0) not between 1 and 3
        or coalesce(co.n, 0) > 3 or coalesce(k.n, 0) > 10`,
  },
  {
    // Plausible counts (1 when out of range): about 5 keywords and 1.5 companies a movie, a few
    // keywords and companies very common (the most common in at least 1% of the movies).
    check: 'keywords 4 to 6 a movie, companies 1.3 to 1.7, the most common of each in 1% of movies or more',
    query: `select (not (k.n between 4 * m.n and 6 * m.n and c.n between 1.3 * m.n and 1.7 * m.n
        and k.top >= 0.01 * m.n and c.top >= 0.01 * m.n))::int
      from (select count(*) as n from movie) m,
        (select count(*) as n, (select count(*) from movie_keyword group by keyword_id order by 1 desc limit 1) as top from movie_keyword) k,
        (select count(*) as n, (select count(*) from movie_company group by company_id order by 1 desc limit 1) as top from movie_company) c`,
  },
  {
    check: 'crew: 9 to 11.5 credits a movie, in all 12 departments',
    query: `select (not (c.n between 9 * m.n and 11.5 * m.n and c.departments = (select count(*) from department)))::int
      from (select count(*) as n from movie) m,
        (select count(*) as n, count(distinct department_id) as departments from crew_credit) c`,
  },
  {
    check: 'crew: every movie.director_id is credited as Directing / Director',
    query: `select count(*) from movie m
      where m.director_id is not null and not exists (select 1 from crew_credit c join department d on d.department_id = c.department_id
        where c.movie_id = m.movie_id and c.person_id = m.director_id and d.name = '${DIRECTOR_JOB.department}' and c.job = '${DIRECTOR_JOB.job}')`,
  },
  {
    check: 'indexes valid',
    query: `select count(*) from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not (i.indisvalid and i.indisready)`,
  },
];

/** One check a foreign key: rows whose key names no row of the referenced table. */
async function foreignKeyChecks(sql: Sql): Promise<{ check: string; query: string }[]> {
  const keys = await sql<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }[]>`
    select k.conname as name, k.conrelid::regclass::text as child, k.confrelid::regclass::text as parent,
      array(select quote_ident(a.attname) from unnest(k.conkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
      array(select quote_ident(a.attname) from unnest(k.confkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as referenced
    from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    where k.contype = 'f' and n.nspname = 'public'
    order by k.conname`;
  return keys.map((key) => ({
    check: `foreign key ${key.name}`,
    // MATCH SIMPLE: a key with any null column refers to nothing and passes.
    query: `select count(*) from ${key.child} c
      where ${key.columns.map((column) => `c.${column} is not null`).join(' and ')}
        and not exists (select 1 from ${key.parent} p
          where ${key.columns.map((column, i) => `p.${key.referenced[i]!} = c.${column}`).join(' and ')})`,
  }));
}

/** One check an identity column: its sequence's next value must be above every id in the table. */
async function sequenceChecks(sql: Sql): Promise<{ check: string; query: string }[]> {
  const columns = await sql<{ table: string; column: string; sequence: string }[]>`
    select quote_ident(table_name) as table, quote_ident(column_name) as column,
      pg_get_serial_sequence(format('public.%I', table_name), column_name) as sequence
    from information_schema.columns where table_schema = 'public' and is_identity = 'YES'
    order by table_name`;
  return columns.map(({ table, column, sequence }) => ({
    check: `sequence of ${table}.${column} ahead of its ids`,
    query: `select count(*) from (select case when is_called then last_value + 1 else last_value end as next from ${sequence}) s
      where s.next <= (select coalesce(max(${column}), 0) from public.${table})`,
  }));
}

export async function verifyCatalogue(sql: Sql, onChecked?: (result: CheckResult, seconds: number) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const { check, query } of [...CHECKS, ...(await foreignKeyChecks(sql)), ...(await sequenceChecks(sql))]) {
    const started = performance.now();
    const [row] = await sql.unsafe<{ count: string }[]>(query);
    const result = { check, mismatches: Number(row?.count ?? 0) };
    results.push(result);
    onChecked?.(result, (performance.now() - started) / 1000);
  }
  return results;
}
