// Choosing a keyword or a production company by typing part of its name (TMDB has tens of
// thousands of each: too many for a <select>). The suggestions say how many movies each has.
import type { paths } from '../api/schema';
import { $api } from '../api/queries';
import type { Option } from './combobox';
import { Picker } from './picker';

type Items<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': { items: (infer T)[] } } } } };
}
  ? T
  : never;
export type KeywordItem = Items<'/api/v1/keywords'>;
export type CompanyItem = Items<'/api/v1/companies'>;

/** What a picker needs of a keyword or a company: the list's fields, of which the count may be unknown. */
export type Keyword = Pick<KeywordItem, 'id' | 'name'> & { moviesCount?: number };
export type Company = Pick<CompanyItem, 'id' | 'name'> & Partial<Pick<CompanyItem, 'originCountry' | 'moviesCount'>>;

const SUGGESTIONS = 8;

const searchKeywords = (q: string) =>
  $api.queryOptions(
    'get',
    '/api/v1/keywords',
    { params: { query: { q, limit: SUGGESTIONS } } },
    { select: (found): Keyword[] => found.items },
  );

const searchCompanies = (q: string) =>
  $api.queryOptions(
    'get',
    '/api/v1/companies',
    { params: { query: { q, limit: SUGGESTIONS } } },
    { select: (found): Company[] => found.items },
  );

const movies = (count: number | undefined) => (count === undefined ? '' : `${count} ${count === 1 ? 'movie' : 'movies'}`);

const describeKeyword = (k: Keyword): Option => ({ key: k.id, label: k.name, detail: movies(k.moviesCount) });

const describeCompany = (c: Company): Option => ({
  key: c.id,
  label: c.name,
  detail: [c.originCountry?.name, movies(c.moviesCount)].filter(Boolean).join(' · '),
});

interface TagPickerProps<T> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  error?: string;
  disabled?: boolean;
  /** Each pick is added to a list shown elsewhere (value stays null): see Picker. */
  adds?: boolean;
}

export function KeywordPicker(props: TagPickerProps<Keyword>) {
  return <Picker {...props} suggest={searchKeywords} describe={describeKeyword} placeholder="Type a keyword" />;
}

export function CompanyPicker(props: TagPickerProps<Company>) {
  return <Picker {...props} suggest={searchCompanies} describe={describeCompany} placeholder="Type a company" />;
}
