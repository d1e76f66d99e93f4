// Refusals as the web app reads them (web/src/api/api-error.ts, web/src/forms.ts) and the paging of
// its lists (web/src/components/movie-filters/paging.ts).
import { describe, expect, it } from 'vitest';
import { ApiError, problemOf } from '../../web/src/api/api-error.js';
import { cursorPaging, uniqueItems } from '../../web/src/components/movie-filters/paging.js';
import { fieldError, optionalText, textField } from '../../web/src/forms.js';

describe('ApiError', () => {
  it("says the service's detail, else its title, else what happened", () => {
    expect(new ApiError(409, { title: 'Conflict', detail: 'The name Drama is taken.' }).message).toBe('The name Drama is taken.');
    expect(new ApiError(403, { title: 'Forbidden' }).message).toBe('Forbidden');
    expect(new ApiError(502, undefined).message).toBe('Request failed (502).');
    expect(new ApiError(0, undefined).message).toBe('The service could not be reached.');
  });

  it('carries the problem details it was given', () => {
    const error = new ApiError(422, { title: 'Unprocessable Entity', errors: [{ in: 'body', field: 'title', message: 'is required' }] });
    expect(error).toMatchObject({ status: 422, type: 'about:blank', title: 'Unprocessable Entity', errors: [{ field: 'title' }] });
  });

  it('reads problem details only from a JSON object', () => {
    expect(problemOf('{"title":"Not Found","status":404}')).toEqual({ title: 'Not Found', status: 404 });
    expect(problemOf('<html>Bad gateway</html>')).toBeUndefined();
    expect(problemOf('[1]')).toBeUndefined();
    expect(problemOf('')).toBeUndefined();
  });
});

describe('fieldError', () => {
  const error = new ApiError(400, {
    errors: [
      { in: 'body', field: 'title', message: 'must not be empty' },
      { in: 'body', field: 'genreIds.2', message: 'names no genre: 99' },
      { in: 'body', field: 'names[0]', message: 'is too long' },
    ],
  });

  it("finds a field's message, also one about an item of a list field", () => {
    expect(fieldError(error, 'title')).toBe('must not be empty');
    expect(fieldError(error, 'genreIds')).toBe('names no genre: 99');
    expect(fieldError(error, 'names')).toBe('is too long');
  });

  it('finds nothing for another field, a field with a longer name, or an error that is no refusal', () => {
    expect(fieldError(error, 'budget')).toBeUndefined();
    expect(fieldError(error, 'tit')).toBeUndefined();
    expect(fieldError(new Error('title'), 'title')).toBeUndefined();
    expect(fieldError(null, 'title')).toBeUndefined();
  });
});

describe('form values', () => {
  it('reads text, and an empty optional field as nothing', () => {
    const form = new FormData();
    form.set('title', ' Heat ');
    form.set('description', '   ');
    expect(textField(form, 'title')).toBe(' Heat ');
    expect(textField(form, 'missing')).toBe('');
    expect(optionalText(form, 'title')).toBe('Heat');
    expect(optionalText(form, 'description')).toBeUndefined();
  });
});

describe('cursor paging', () => {
  it('asks for the next page with the cursor the last one gave, and stops without one', () => {
    expect(cursorPaging.initialPageParam).toBeNull();
    expect(cursorPaging.getNextPageParam({ items: [], nextCursor: 'abc' })).toBe('abc');
    expect(cursorPaging.getNextPageParam({ items: [], nextCursor: null })).toBeNull();
  });

  it('shows a movie that two pages hold once, where it first came', () => {
    const pages = [
      { items: [{ id: 1 }, { id: 2 }], nextCursor: 'x' },
      { items: [{ id: 2 }, { id: 3 }], nextCursor: null },
    ];
    expect(uniqueItems(pages).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(uniqueItems([])).toEqual([]);
  });
});
