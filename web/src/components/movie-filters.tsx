// The filter panel of discover and favorites, and the paged list under it. The filters live in the
// address's query string, under the API's own parameter names: a filtered list is a link to share,
// back and forward step through the filters chosen, and the links other pages make
// (/discover?genre=Drama, ?sort=-releaseDate) land on the right list. The pages a list has loaded
// are not in the address: a changed filter, or a reload, starts the list from the top.
import { type InputHTMLAttributes, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, type MovieSummary, type PersonRef, api, loadAllGenres, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { type Country, CountryPicker, PersonPicker } from './person-picker';
import { MovieGrid } from './movie-grid';
import { Empty, ErrorState, Loading } from './states';
import { fullName } from '../format';
import { useApi } from '../use-api';

type MovieQuery = NonNullable<paths['/api/v1/movies']['get']['parameters']['query']>;
type FavoritesQuery = NonNullable<paths['/api/v1/me/favorites']['get']['parameters']['query']>;

/** The filters GET /movies and GET /me/favorites share: everything but paging and the sort. */
export type MovieFilterQuery = Omit<MovieQuery, 'page' | 'pageSize' | 'cursor' | 'includeTotal' | 'sort'>;
export type MovieSort = NonNullable<MovieQuery['sort']>;
export type FavoriteSort = NonNullable<FavoritesQuery['sort']>;

export interface SortOption<S extends string> {
  value: S;
  label: string;
}

/** The movie sorts discover and my favorites share, in the order the sort list shows them. */
export const MOVIE_SORTS = [
  { value: '-popularity', label: 'Most popular' },
  { value: '-releaseDate', label: 'Newest first' },
  { value: 'releaseDate', label: 'Oldest first' },
  { value: 'title', label: 'Title, A to Z' },
  { value: '-title', label: 'Title, Z to A' },
  { value: '-budget', label: 'Biggest budget' },
  { value: 'budget', label: 'Smallest budget' },
  { value: '-duration', label: 'Longest' },
  { value: 'duration', label: 'Shortest' },
] as const satisfies readonly SortOption<MovieSort & FavoriteSort>[];

export const BEST_MATCH = { value: 'relevance', label: 'Best match' } as const;

/** Movies a page: divides into rows of 2, 3, 4 and 6 posters. */
export const LIST_PAGE_SIZE = 24;

// Every filter of the API is read from the address, also those the panel has no field for
// (withoutGenre, ids, ...), so that a hand-made link works too.
const TEXT_FILTERS = ['genre', 'withoutGenre', 'country', 'cast', 'releasedFrom', 'releasedTo', 'ids', 'q'] as const;
const NUMBER_FILTERS = ['director', 'releasedWithinYears', 'minDuration', 'maxDuration', 'minBudget', 'maxBudget', 'tmdbId'] as const;
const FILTERS: readonly string[] = [...TEXT_FILTERS, ...NUMBER_FILTERS];

/**
 * The API query the address asks for. Values go out as they are: a malformed one (minDuration=abc
 * goes as NaN, an unknown sort or genre) gets the service's 400 or 422, whose message the list
 * shows, rather than being dropped here without a word.
 */
export function filtersToQuery<S extends string>(params: URLSearchParams): MovieFilterQuery & { sort?: S } {
  const query: MovieFilterQuery & { sort?: S } = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  for (const key of NUMBER_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = Number(value);
  }
  const sort = params.get('sort')?.trim();
  // Not checked against the page's list: the service says which sorts it knows.
  if (sort) query.sort = sort as S;
  return query;
}

/** How many filters (not the sort) the address sets. */
export function activeFilterCount(params: URLSearchParams): number {
  return FILTERS.filter((key) => params.get(key)?.trim()).length;
}

/** The address without its filters; the sort stays, unless it ranks a text search that goes. */
function clearedSearch(params: URLSearchParams): string {
  const sort = params.get('sort');
  return sort && sort !== 'relevance' ? `?${new URLSearchParams({ sort }).toString()}` : '';
}

/** A `,` (all of them) or `|` (any of them) list of the API. */
function splitList(raw: string | null): { values: string[]; any: boolean } {
  const text = raw ?? '';
  return {
    values: text
      .split(/[,|]/)
      .map((v) => v.trim())
      .filter(Boolean),
    any: text.includes('|'),
  };
}

const joinList = (values: string[], any: boolean) => values.join(any ? '|' : ',');

/** Changes some parameters of the address (null or '' removes one), as a new history entry. */
function useFilterUpdate(): (changes: Record<string, string | null>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes) => {
      // The address as it is now, not as this render saw it: a field's blur and a click can both
      // change it before the page renders again.
      const current = new URLSearchParams(window.location.search);
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value.trim() === '') next.delete(key);
        else next.set(key, value.trim());
      }
      // Relevance ranks a text search; without one the service refuses it.
      if (!next.get('q') && next.get('sort') === 'relevance') next.delete('sort');
      next.delete('cursor');
      next.delete('page');
      if (next.toString() !== current.toString()) setParams(next);
    },
    [setParams],
  );
}

/**
 * A text or number field that changes the address when the user is done with it (Enter, or
 * leaving the field), not at every key: each change is a request and a history entry.
 */
function CommitInput({
  value,
  onCommit,
  ...props
}: { value: string; onCommit: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The address changed by itself (back, forward, Clear filters): the field follows it.
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <input
      {...props}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}

/** All of them or any of them, for a list with a choice of several values. */
function MatchChoice({ any, onChange, label }: { any: boolean; onChange: (any: boolean) => void; label: string }) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} style={styles.inline}>
      <label style={styles.check}>
        <input type="radio" name={name} checked={!any} onChange={() => onChange(false)} /> All of them
      </label>
      <label style={styles.check}>
        <input type="radio" name={name} checked={any} onChange={() => onChange(true)} /> Any of them
      </label>
    </div>
  );
}

function GenreFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const genres = useApi(loadAllGenres, []);
  const chosen = splitList(params.get('genre'));
  // With fewer than two genres the address cannot say all or any: the choice waits here.
  const [anyChoice, setAnyChoice] = useState(false);
  const any = chosen.values.length >= 2 ? chosen.any : anyChoice;
  // The address may name a genre by name in any case (the movie page's links) or by id.
  const matches = (genre: { id: number; name: string }, value: string) =>
    value.toLowerCase() === genre.name.toLowerCase() || value === String(genre.id);

  const toggle = (genre: { id: number; name: string }, on: boolean) => {
    const rest = chosen.values.filter((value) => !matches(genre, value));
    update({ genre: joinList(on ? [...rest, genre.name] : rest, any) });
  };

  return (
    <fieldset style={{ ...styles.fieldset, ...styles.wide }}>
      <legend>Genres</legend>
      {genres.loading && <Loading label="Loading genres…" />}
      {genres.error && <ErrorState error={genres.error} retry={genres.reload} />}
      {genres.data && (
        <>
          <MatchChoice
            label="Movies with"
            any={any}
            onChange={(value) => {
              setAnyChoice(value);
              if (chosen.values.length >= 2) update({ genre: joinList(chosen.values, value) });
            }}
          />
          <div style={styles.checkGrid}>
            {genres.data.map((genre) => (
              <label key={genre.id} style={styles.check}>
                <input
                  type="checkbox"
                  checked={chosen.values.some((value) => matches(genre, value))}
                  onChange={(event) => toggle(genre, event.target.checked)}
                />{' '}
                {genre.name}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}

/** A from–to pair of numbers, each its own labelled field. */
function RangeFilter(props: {
  legend: string;
  from: { label: string; value: string; commit: (value: string) => void };
  to: { label: string; value: string; commit: (value: string) => void };
  min: number;
  max?: number;
  step?: number;
}) {
  const { legend, from, to, min, max, step = 1 } = props;
  return (
    <fieldset style={styles.fieldset}>
      <legend>{legend}</legend>
      <div style={styles.pair}>
        {[from, to].map((end) => (
          <label key={end.label} style={styles.grow}>
            {end.label}
            <CommitInput
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={step}
              value={end.value}
              onCommit={end.commit}
              style={styles.fill}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const isId = (value: string) => /^\d{1,10}$/.test(value);
const unnamed = (id: number): PersonRef => ({ id, firstName: 'Person', lastName: `#${id}`, photo: null });

/** The director and the cast: people chosen by name, kept in the address by id. */
function PeopleFilters() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const director = params.get('director')?.trim() ?? '';
  const cast = splitList(params.get('cast'));
  const [anyChoice, setAnyChoice] = useState(false);
  const any = cast.values.length >= 2 ? cast.any : anyChoice;
  // People picked here are known at once; those only named by id in the address are looked up.
  const [picked, setPicked] = useState<Map<number, PersonRef>>(() => new Map());
  const ids = [director, ...cast.values].filter(isId).map(Number);
  const unknown = ids.filter((id) => !picked.has(id));
  const looked = useApi(
    async (signal) =>
      unknown.length === 0
        ? []
        : (await unwrap(api.GET('/api/v1/persons', { params: { query: { ids: unknown.join(','), pageSize: 100 } }, signal }))).items,
    [unknown.join(',')],
  );
  const person = (id: number): PersonRef => picked.get(id) ?? looked.data?.find((p) => p.id === id) ?? unnamed(id);
  const remember = (p: PersonRef) => setPicked((known) => new Map(known).set(p.id, p));
  // Names looked up are kept, so that a later change of the list does not show them as ids again.
  useEffect(() => {
    if (looked.data?.length) setPicked((known) => new Map([...known, ...looked.data!.map((p) => [p.id, p] as const)]));
  }, [looked.data]);

  return (
    <>
      <PersonPicker
        label="Director"
        value={director ? (isId(director) ? person(Number(director)) : { ...unnamed(0), lastName: director }) : null}
        onChange={(p) => {
          if (p) remember(p);
          update({ director: p ? String(p.id) : null });
        }}
      />
      <fieldset style={styles.fieldset}>
        <legend>Cast</legend>
        {cast.values.length > 0 && (
          <ul className="tags" aria-label="Chosen actors" style={styles.chips}>
            {cast.values.map((value) => {
              const name = isId(value) ? fullName(person(Number(value))) : value;
              return (
                <li key={value} style={styles.chip}>
                  {name}
                  <button
                    type="button"
                    style={styles.chipButton}
                    aria-label={`Remove ${name}`}
                    onClick={() =>
                      update({
                        cast: joinList(
                          cast.values.filter((v) => v !== value),
                          any,
                        ),
                      })
                    }
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {cast.values.length >= 2 && (
          <MatchChoice
            label="Movies with"
            any={any}
            onChange={(value) => {
              setAnyChoice(value);
              update({ cast: joinList(cast.values, value) });
            }}
          />
        )}
        <PersonPicker
          label={cast.values.length > 0 ? 'Add an actor' : 'Actor'}
          value={null}
          onChange={(p) => {
            if (!p || cast.values.includes(String(p.id))) return;
            remember(p);
            update({ cast: joinList([...cast.values, String(p.id)], any) });
          }}
        />
      </fieldset>
    </>
  );
}

function CountryFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const value = params.get('country')?.trim() ?? '';
  // The address holds an ISO code (or an id); the name comes from the countries list, which puts
  // the country whose code it is first.
  const [picked, setPicked] = useState<Country | null>(null);
  const looked = useApi(
    async (signal) => {
      if (!value || picked?.code.toLowerCase() === value.toLowerCase()) return null;
      const found = await unwrap(api.GET('/api/v1/countries', { params: { query: { q: value, page: 1, pageSize: 5 } }, signal }));
      return found.items.find((c) => c.code.toLowerCase() === value.toLowerCase() || String(c.id) === value) ?? null;
    },
    [value],
  );
  let country: Country | null = null;
  if (value) {
    if (picked?.code.toLowerCase() === value.toLowerCase()) country = picked;
    else country = looked.data ?? { id: 0, code: value, name: value };
  }
  return (
    <CountryPicker
      label="Country"
      value={country}
      onChange={(c) => {
        setPicked(c);
        update({ country: c ? c.code : null });
      }}
    />
  );
}

function SortField<S extends string>({ sorts, defaultSort }: { sorts: readonly SortOption<S>[]; defaultSort: S }) {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const q = params.get('q')?.trim();
  // With words to search the service ranks by relevance unless told otherwise.
  const implicit = q ? 'relevance' : defaultSort;
  const value = params.get('sort') ?? implicit;
  const options = sorts.filter((s) => s.value !== 'relevance' || q);
  return (
    <label>
      Sort by
      <select value={value} onChange={(event) => update({ sort: event.target.value === implicit ? null : event.target.value })}>
        {options.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
        {/* A sort the address names that this list does not offer: shown, so that the field tells the truth. */}
        {!options.some((s) => s.value === value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}

const yearOf = (date: string | null) => (date && /^\d{4}/.test(date) ? date.slice(0, 4) : (date ?? ''));
const paddedYear = (text: string) => (text ? text.padStart(4, '0') : '');

export interface MovieFiltersProps<S extends string> {
  /** The sorts this list offers (favorites add the date they were kept). */
  sorts: readonly SortOption<S>[];
  /** The service's default without a text search. */
  defaultSort: S;
}

/** The panel: folded away on small screens, where it would push the movies out of sight. */
export function MovieFilters<S extends string>({ sorts, defaultSort }: MovieFiltersProps<S>) {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 641px)').matches);
  const count = activeFilterCount(params);
  const value = (key: string) => params.get(key)?.trim() ?? '';

  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} style={styles.panel}>
      <summary style={styles.summary}>Filters{count > 0 && ` (${count} active)`}</summary>
      <div className="form" style={styles.grid}>
        <label>
          Title words
          <CommitInput type="search" value={value('q')} maxLength={200} onCommit={(q) => update({ q })} />
        </label>
        <SortField sorts={sorts} defaultSort={defaultSort} />
        <GenreFilter />
        <RangeFilter
          legend="Release year"
          min={1}
          max={9999}
          from={{
            label: 'From',
            value: yearOf(params.get('releasedFrom')),
            commit: (y) => update({ releasedFrom: y && `${paddedYear(y)}-01-01` }),
          }}
          to={{
            label: 'To',
            value: yearOf(params.get('releasedTo')),
            commit: (y) => update({ releasedTo: y && `${paddedYear(y)}-12-31` }),
          }}
        />
        <RangeFilter
          legend="Runtime (minutes)"
          min={1}
          max={1440}
          from={{ label: 'Shortest', value: value('minDuration'), commit: (v) => update({ minDuration: v }) }}
          to={{ label: 'Longest', value: value('maxDuration'), commit: (v) => update({ maxDuration: v }) }}
        />
        <RangeFilter
          legend="Budget (US dollars)"
          min={0}
          step={1000}
          from={{ label: 'At least', value: value('minBudget'), commit: (v) => update({ minBudget: v }) }}
          to={{ label: 'At most', value: value('maxBudget'), commit: (v) => update({ maxBudget: v }) }}
        />
        <CountryFilter />
        <PeopleFilters />
      </div>
      {(count > 0 || params.has('sort')) && (
        <p>
          <Link to={{ search: clearedSearch(params) }}>Clear filters</Link>
        </p>
      )}
    </details>
  );
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Pages of a list, one after the other through nextCursor. Mount it with a key that changes with
 * the query: a new query is a new list, from the top, and the old one's requests are cancelled.
 */
function useCursorPages<T extends { id: number }>(load: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>) {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  const [moreError, setMoreError] = useState<Error>();
  const [busy, setBusy] = useState<'first' | 'more' | null>('first');
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    setBusy('first');
    setError(undefined);
    loadRef.current(undefined, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setItems(page.items);
        setNext(page.nextCursor);
        setBusy(null);
      },
      (reason: unknown) => {
        if (current.signal.aborted) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setBusy(null);
      },
    );
    return () => current.abort();
  }, [attempt]);

  const loadMore = useCallback(() => {
    const current = controller.current;
    if (busy || !next || !current) return;
    setBusy('more');
    setMoreError(undefined);
    loadRef.current(next, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        // A movie whose sort value changed during the walk may come twice: it is shown once.
        setItems((shown) => {
          const seen = new Set(shown.map((item) => item.id));
          return [...shown, ...page.items.filter((item) => !seen.has(item.id))];
        });
        setNext(page.nextCursor);
        setBusy(null);
      },
      (reason: unknown) => {
        if (current.signal.aborted) return;
        setMoreError(reason instanceof Error ? reason : new Error(String(reason)));
        setBusy(null);
      },
    );
  }, [busy, next]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, hasMore: next !== null, error, moreError, busy, loadMore, retry };
}

/** A refusal of the address's parameters: trying again would get the same answer. */
const badParameters = (error: Error) => error instanceof ApiError && (error.status === 400 || error.status === 422);

export interface MovieListProps<T extends MovieSummary> {
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;
  label: string;
  /** What an empty first page says. */
  empty: ReactNode;
}

/**
 * The movies of a query as a poster grid, with "Load more" for the next page. After the first
 * click, the next pages also come by themselves as the end of the list scrolls into view; the
 * button stays for keyboards and for browsers without IntersectionObserver.
 */
export function MovieList<T extends MovieSummary>({ load, label, empty }: MovieListProps<T>) {
  const [params] = useSearchParams();
  const list = useCursorPages(load);
  const [auto, setAuto] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // After "Load more", focus goes to the first new movie, so that the keyboard carries on from there.
  const focusFrom = useRef<number | null>(null);
  const { loadMore, busy, hasMore, moreError } = list;

  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || busy) return;
    focusFrom.current = null;
    gridRef.current?.querySelectorAll<HTMLAnchorElement>('.movie-card')[index]?.focus();
  }, [list.items, busy]);

  useEffect(() => {
    const target = sentinel.current;
    if (!auto || !target || !hasMore || busy || moreError || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [auto, hasMore, busy, moreError, loadMore]);

  if (list.busy === 'first') return <Loading label="Loading movies…" />;
  if (list.error) {
    return badParameters(list.error) ? (
      <div className="state state-error" role="alert">
        <p>
          <strong>These filters do not work.</strong> {list.error.message}
        </p>
        <p>
          <Link to={{ search: clearedSearch(params) }}>Clear filters</Link>
        </p>
      </div>
    ) : (
      <ErrorState error={list.error} retry={list.retry} />
    );
  }
  if (list.items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <div ref={gridRef}>
        <MovieGrid movies={list.items} label={label} />
      </div>
      <div ref={sentinel} style={styles.more}>
        <p className="muted" role="status" aria-live="polite" style={styles.count}>
          {list.items.length} {list.items.length === 1 ? 'movie' : 'movies'} shown{hasMore ? '' : ', the end of the list'}.
        </p>
        {moreError && <ErrorState error={moreError} retry={loadMore} />}
        {hasMore && !moreError && (
          <button
            type="button"
            disabled={busy === 'more'}
            onClick={() => {
              focusFrom.current = list.items.length;
              setAuto(true);
              loadMore();
            }}
          >
            {busy === 'more' ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </>
  );
}

// The stylesheet has no rules for this panel yet; these few keep it in columns that fold to one
// on a phone.
const styles = {
  panel: {
    margin: '0 0 1.25rem',
    padding: '0.5rem 0.75rem',
    border: '1px solid var(--line)',
    borderRadius: 'var(--radius)',
    background: 'var(--card)',
  },
  summary: { cursor: 'pointer', fontWeight: 600, padding: '0.25rem 0' },
  grid: { gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 15rem), 1fr))', alignItems: 'start', marginTop: '0.75rem' },
  // A fieldset is as wide as its content by default, wider than a phone with two number fields.
  fieldset: { minWidth: 0, margin: 0 },
  fill: { width: '100%' },
  wide: { gridColumn: '1 / -1' },
  checkGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: '0.25rem 1rem', marginTop: '0.5rem' },
  check: { display: 'flex', alignItems: 'center', gap: '0.4rem', fontWeight: 400 },
  inline: { display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' },
  pair: { display: 'flex', gap: '0.6rem' },
  grow: { flex: '1 1 0', minWidth: 0 },
  chips: { marginBottom: '0.5rem' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '0.3rem',
    padding: '0.1rem 0.2rem 0.1rem 0.6rem',
    borderRadius: '999px',
    background: '#e8edfb',
    fontWeight: 400,
  },
  // At least 2rem square: a target a finger can hit on a phone.
  chipButton: { padding: '0 0.45rem', borderRadius: '999px', lineHeight: 1.4, minWidth: '2rem', minHeight: '2rem' },
  more: { display: 'grid', justifyItems: 'center', gap: '0.5rem', marginTop: '1.25rem' },
  count: { margin: 0 },
} satisfies Record<string, React.CSSProperties>;
