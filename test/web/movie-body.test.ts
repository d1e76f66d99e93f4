// The movie's own body as the editor sends it (web/src/pages/editor/movie-editor/movie-body.ts).
import { describe, expect, it } from 'vitest';
import { MOVIE_STATUSES, movieBody } from '../../web/src/pages/editor/movie-editor/movie-body.js';

const noRefs = { countries: [], director: null, languages: [], keywords: [], companies: [] };

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form;
}

/** What the editor's form holds when every field is left empty. */
const emptyForm = {
  title: 'Heat',
  originalTitle: '',
  originalLanguage: '',
  tagline: '',
  description: '',
  releaseDate: '',
  durationMinutes: '',
  budget: '',
  status: '',
  homepage: '',
  revenue: '',
  voteAverage: '',
  voteCount: '',
  popularity: '',
};

describe('the movie body', () => {
  it('reads every fact, TMDB’s too, as the service takes them', () => {
    const form = formOf({
      ...emptyForm,
      title: '  Amélie ',
      originalTitle: ' Le Fabuleux Destin d’Amélie Poulain ',
      originalLanguage: 'FR',
      tagline: ' She’ll change your life. ',
      description: 'A waitress in Montmartre.',
      releaseDate: '2001-04-25',
      durationMinutes: '122',
      budget: '10000000',
      status: 'post_production',
      homepage: ' https://example.com/amelie ',
      revenue: '174200000.50',
      voteAverage: '7.5',
      voteCount: '1234',
      popularity: '12.345',
      genreIds: ['3', '7'],
    });
    const refs = {
      countries: [
        { id: 5, code: 'FR', name: 'France' },
        { id: 8, code: 'DE', name: 'Germany' },
      ],
      director: { id: 9, firstName: 'Jean-Pierre', lastName: 'Jeunet', photo: null },
      languages: [
        { code: 'fr', name: 'French' },
        { code: 'en', name: 'English' },
      ],
      keywords: [{ id: 12, name: 'paris' }],
      companies: [
        { id: 4, name: 'Claudie Ossard Productions' },
        { id: 2, name: 'UGC' },
      ],
    };
    expect(movieBody(refs, form)).toEqual({
      title: 'Amélie',
      originalTitle: 'Le Fabuleux Destin d’Amélie Poulain',
      originalLanguage: 'fr',
      tagline: 'She’ll change your life.',
      description: 'A waitress in Montmartre.',
      releaseDate: '2001-04-25',
      durationMinutes: 122,
      budget: 10_000_000,
      status: 'post_production',
      homepage: 'https://example.com/amelie',
      revenue: 174_200_000.5,
      voteAverage: 7.5,
      voteCount: 1234,
      popularity: 12.345,
      directorId: 9,
      genreIds: [3, 7],
      // In the movie's order: the service keeps it, and the first country is the main one.
      countryIds: [5, 8],
      languageCodes: ['fr', 'en'],
      keywordIds: [12],
      companyIds: [4, 2],
    });
  });

  it('sends an empty field as null, which clears it on a change, and Unknown status as null', () => {
    const body = movieBody(noRefs, formOf({ ...emptyForm, tagline: '   ', originalLanguage: ' ' }));
    expect(body).toEqual({
      title: 'Heat',
      originalTitle: null,
      originalLanguage: null,
      tagline: null,
      description: null,
      releaseDate: null,
      durationMinutes: null,
      budget: null,
      status: null,
      homepage: null,
      revenue: null,
      voteAverage: null,
      voteCount: null,
      popularity: null,
      directorId: null,
      genreIds: [],
      countryIds: [],
      languageCodes: [],
      keywordIds: [],
      companyIds: [],
    });
  });

  it('keeps a zero, which is a figure and not an unknown one', () => {
    const body = movieBody(noRefs, formOf({ ...emptyForm, revenue: '0', voteAverage: '0', voteCount: '0', popularity: '0' }));
    expect(body).toMatchObject({ revenue: 0, voteAverage: 0, voteCount: 0, popularity: 0 });
  });

  it('takes only one of the six statuses, and passes other values on for the service to judge', () => {
    expect(movieBody(noRefs, formOf({ ...emptyForm, status: 'finished' })).status).toBeNull();
    // The inputs' constraints stop these in a browser; past them, the service's refusal names the field.
    expect(movieBody(noRefs, formOf({ ...emptyForm, originalLanguage: 'EN1', voteAverage: '7.55' }))).toMatchObject({
      originalLanguage: 'en1',
      voteAverage: 7.55,
    });
  });

  it('offers the six statuses in the order a movie goes through them, each with a label', () => {
    expect(MOVIE_STATUSES.map((s) => `${s.value}: ${s.label}`)).toEqual([
      'rumored: Rumored',
      'planned: Planned',
      'in_production: In production',
      'post_production: Post production',
      'released: Released',
      'canceled: Canceled',
    ]);
  });
});
