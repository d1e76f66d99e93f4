// The movie's own body, read from the form's FormData and the state the FormData does not hold
// (director, the production countries, spoken languages, keywords and companies, sent as whole lists). The same body creates a movie and changes one: an empty field is null,
// which clears it on a change and leaves it unknown on a create. Plain code, which the unit tests import.
import type { components } from '../../../api/schema.js';
import { optionalText, textField } from '../../../forms.js';
import type { MovieFormState } from './form-state.js';

type MovieStatus = NonNullable<components['schemas']['MovieDetails']['status']>;

/** TMDB's statuses in the order a movie goes through them, with the labels the editor shows. */
export const MOVIE_STATUSES: readonly { value: MovieStatus; label: string }[] = [
  { value: 'rumored', label: 'Rumored' },
  { value: 'planned', label: 'Planned' },
  { value: 'in_production', label: 'In production' },
  { value: 'post_production', label: 'Post production' },
  { value: 'released', label: 'Released' },
  { value: 'canceled', label: 'Canceled' },
];

/** A number field: empty is null (clears the value); the input's min, max and step did the checking. */
function numberField(form: FormData, name: string): number | null {
  const value = textField(form, name).trim();
  return value === '' ? null : Number(value);
}

/** The status chosen, null for "Unknown" (or anything that is not one of the six). */
function statusField(form: FormData): MovieStatus | null {
  const value = textField(form, 'status');
  return MOVIE_STATUSES.find((s) => s.value === value)?.value ?? null;
}

export function movieBody(state: Pick<MovieFormState, 'countries' | 'director' | 'languages' | 'keywords' | 'companies'>, form: FormData) {
  return {
    title: textField(form, 'title').trim(),
    originalTitle: optionalText(form, 'originalTitle') ?? null,
    // Typed in either case; the service keeps codes in lower case.
    originalLanguage: optionalText(form, 'originalLanguage')?.toLowerCase() ?? null,
    tagline: optionalText(form, 'tagline') ?? null,
    description: optionalText(form, 'description') ?? null,
    releaseDate: optionalText(form, 'releaseDate') ?? null,
    durationMinutes: numberField(form, 'durationMinutes'),
    budget: numberField(form, 'budget'),
    status: statusField(form),
    homepage: optionalText(form, 'homepage') ?? null,
    revenue: numberField(form, 'revenue'),
    voteAverage: numberField(form, 'voteAverage'),
    voteCount: numberField(form, 'voteCount'),
    popularity: numberField(form, 'popularity'),
    directorId: state.director?.id ?? null,
    genreIds: form.getAll('genreIds').map(Number),
    // The first is the main country (the service's countryId).
    countryIds: state.countries.map((c) => c.id),
    languageCodes: state.languages.map((l) => l.code),
    keywordIds: state.keywords.map((k) => k.id),
    companyIds: state.companies.map((c) => c.id),
  };
}
