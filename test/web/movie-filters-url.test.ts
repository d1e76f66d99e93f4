// The address of discover and favorites to the API's query and back (web/src/components/movie-filters/url.ts).
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  changedSearch,
  clearedSearch,
  filtersToQuery,
  isPersonId,
  joinList,
  splitList,
  yearBound,
  yearOf,
} from '../../web/src/components/movie-filters/url.js';

const params = (search: string) => new URLSearchParams(search);

describe('filtersToQuery', () => {
  it('asks for nothing without filters: the service applies its defaults', () => {
    expect(filtersToQuery(params(''))).toEqual({});
    expect(activeFilterCount(params(''))).toBe(0);
  });

  it('reads every filter of the API under its own name, numbers as numbers, values trimmed', () => {
    const query = filtersToQuery(
      params(
        'genre=Drama|Comedy&withoutGenre=Horror&country=US&cast=1,2&releasedFrom=1990-01-01&releasedTo=1999-12-31&ids=3,4&q=%20dream%20' +
          '&director=7&releasedWithinYears=5&minDuration=90&maxDuration=180&minBudget=1000&maxBudget=2000000&tmdbId=27205&sort=-releaseDate',
      ),
    );
    expect(query).toEqual({
      genre: 'Drama|Comedy',
      withoutGenre: 'Horror',
      country: 'US',
      cast: '1,2',
      releasedFrom: '1990-01-01',
      releasedTo: '1999-12-31',
      ids: '3,4',
      q: 'dream',
      director: 7,
      releasedWithinYears: 5,
      minDuration: 90,
      maxDuration: 180,
      minBudget: 1000,
      maxBudget: 2000000,
      tmdbId: 27205,
      sort: '-releaseDate',
    });
    expect(activeFilterCount(params('genre=Drama&director=7&sort=title&page=2'))).toBe(2);
  });

  it('reads TMDB’s filters too: keywords, companies, spoken language, crew and job, rating, votes, revenue, status', () => {
    const query = filtersToQuery(
      params(
        'keyword=12|13&company=4,5&language=ja&crew=9&job=%20Screenplay%20&originalLanguage=fr&status=released' +
          '&minVoteAverage=6.5&maxVoteAverage=9&minVoteCount=100&minRevenue=1&maxRevenue=2000',
      ),
    );
    expect(query).toEqual({
      keyword: '12|13',
      company: '4,5',
      language: 'ja',
      crew: '9',
      job: 'Screenplay',
      originalLanguage: 'fr',
      status: 'released',
      minVoteAverage: 6.5,
      maxVoteAverage: 9,
      minVoteCount: 100,
      minRevenue: 1,
      maxRevenue: 2000,
    });
    expect(activeFilterCount(params('keyword=12&minVoteAverage=6.5&status=released&sort=-voteAverage'))).toBe(3);
    // A job without a crew member goes too: the service's 422 names it, and the list shows why.
    expect(filtersToQuery(params('job=Editor'))).toEqual({ job: 'Editor' });
  });

  it('leaves out blank values, paging and parameters the API does not filter by', () => {
    expect(filtersToQuery(params('genre=%20%20&q=&cursor=abc&page=3&pageSize=5&colour=red&sort=%20'))).toEqual({});
    expect(activeFilterCount(params('genre=%20&colour=red'))).toBe(0);
  });

  it('sends a malformed value as it is, for the service to refuse with its message', () => {
    const query = filtersToQuery(params('minDuration=abc&sort=sideways'));
    expect(query.minDuration).toBeNaN();
    expect(query.sort).toBe('sideways');
  });
});

describe('changedSearch', () => {
  it('sets, trims and removes parameters, and gives back what filtersToQuery reads', () => {
    const next = changedSearch(params('genre=Drama&sort=title'), { genre: ' Drama,Comedy ', director: '7', sort: null });
    expect(next?.toString()).toBe('genre=Drama%2CComedy&director=7');
    expect(filtersToQuery(next!)).toEqual({ genre: 'Drama,Comedy', director: 7 });
  });

  it('starts a changed list from the top', () => {
    expect(changedSearch(params('q=war&cursor=xyz&page=4'), { q: 'peace' })?.toString()).toBe('q=peace');
  });

  it('drops relevance with the text search it ranks, and keeps it with one', () => {
    expect(changedSearch(params('q=war&sort=relevance'), { q: '' })?.toString()).toBe('');
    expect(changedSearch(params('q=war&sort=relevance'), { genre: 'Drama' })?.toString()).toBe('q=war&sort=relevance&genre=Drama');
  });

  it('says when nothing changes, so that no history entry is made', () => {
    expect(changedSearch(params('genre=Drama'), { genre: 'Drama' })).toBeNull();
    expect(changedSearch(params('genre=Drama'), { country: '  ' })).toBeNull();
  });
});

describe('the rest of the address', () => {
  it('clears the filters but keeps the sort, unless it ranks a text search', () => {
    expect(clearedSearch(params('genre=Drama&sort=-budget'))).toBe('?sort=-budget');
    expect(clearedSearch(params('q=war&sort=relevance'))).toBe('');
    expect(clearedSearch(params('genre=Drama'))).toBe('');
  });

  it('splits and joins all-of and any-of lists', () => {
    expect(splitList('Drama, Comedy,,')).toEqual({ values: ['Drama', 'Comedy'], any: false });
    expect(splitList('Drama|Comedy')).toEqual({ values: ['Drama', 'Comedy'], any: true });
    expect(splitList(null)).toEqual({ values: [], any: false });
    for (const any of [false, true]) expect(splitList(joinList(['1', '2', '3'], any))).toEqual({ values: ['1', '2', '3'], any });
  });

  it('shows release dates as years and turns a year back into its first or last day', () => {
    expect(yearOf('1999-12-31')).toBe('1999');
    expect(yearOf('late')).toBe('late');
    expect(yearOf(null)).toBe('');
    expect(yearBound('1999', 'from')).toBe('1999-01-01');
    expect(yearBound('42', 'to')).toBe('0042-12-31');
    expect(yearBound('', 'from')).toBe('');
    expect(yearOf(yearBound('0042', 'to'))).toBe('0042');
  });

  it('tells a person id from a name typed into a link', () => {
    expect(isPersonId('123')).toBe(true);
    expect(isPersonId('nolan')).toBe(false);
    expect(isPersonId('12345678901')).toBe(false);
  });
});
