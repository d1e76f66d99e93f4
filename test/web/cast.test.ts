// The movie editor's cast: rows from characters, the one request that saves them, and a refusal
// mapped back to the rows (web/src/pages/editor/movie-editor/cast.ts).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/api-error.js';
import type { components } from '../../web/src/api/schema.js';
import { castBody, castChanged, castErrors, newRow, rowOf, savedRows } from '../../web/src/pages/editor/movie-editor/cast.js';

type Character = components['schemas']['Character'];

const person = (id: number) => ({ id, firstName: 'P', lastName: String(id), photo: null });
const character = (id: number, overrides: Partial<Character> = {}): Character => ({
  id,
  name: `Character ${id}`,
  description: null,
  role: 'supporting',
  billingOrder: id,
  actor: null,
  performers: [],
  ...overrides,
});
const refusal = (...fields: string[]) =>
  new ApiError(422, {
    type: 'about:blank',
    title: 'Unprocessable Entity',
    status: 422,
    detail: fields.map((f) => `${f} is wrong`).join('; '),
    errors: fields.map((field) => ({ in: 'body' as const, field, message: `${field} is wrong` })),
  });

describe('cast rows', () => {
  it('come from characters: the actor apart from the others who played the part', () => {
    const row = rowOf(character(5, { name: null, actor: person(1), performers: [person(1), person(2)] }));
    expect(row).toEqual({ key: 'c5', id: 5, name: '', role: 'supporting', actor: person(1), others: [person(2)], nameless: true });
    expect(newRow('new-1')).toEqual({ key: 'new-1', id: null, name: '', role: 'supporting', actor: null, others: [], nameless: false });
  });

  it('keep their keys through a save, in the order sent', () => {
    const sent = [newRow('new-1'), rowOf(character(5), 'c5')];
    const rows = savedRows(sent, [character(9, { name: 'New' }), character(5)]);
    expect(rows.map((r) => [r.key, r.id])).toEqual([
      ['new-1', 9],
      ['c5', 5],
    ]);
  });
});

describe('castBody', () => {
  it('lists every row in credits order: new ones with name and role, kept ones by id', () => {
    const rows = [
      { ...newRow('new-1'), name: '  Sidekick ', role: 'leading' as const, actor: person(3) },
      { ...rowOf(character(5)), name: 'Villain', actor: null },
    ];
    expect(castBody(rows)).toEqual({
      characters: [
        { name: 'Sidekick', role: 'leading', actorId: 3 },
        { id: 5, name: 'Villain', role: 'supporting', actorId: null },
      ],
    });
  });

  it('lets a character stored without a name stay nameless, and names it once it is given one', () => {
    const nameless = rowOf(character(7, { name: null }));
    expect(castBody([nameless]).characters).toEqual([{ id: 7, role: 'supporting', actorId: null }]);
    expect(castBody([{ ...nameless, name: 'Guard' }]).characters).toEqual([{ id: 7, name: 'Guard', role: 'supporting', actorId: null }]);
    // A named character emptied is sent empty: the service refuses it and the row says why.
    expect(castBody([{ ...rowOf(character(8)), name: ' ' }]).characters).toEqual([{ id: 8, name: '', role: 'supporting', actorId: null }]);
  });
});

describe('castChanged', () => {
  const saved = [rowOf(character(1)), rowOf(character(2, { actor: person(4) }))];

  it('is false for the rows as stored, even with a name typed with spaces around it', () => {
    expect(castChanged(saved, saved)).toBe(false);
    expect(castChanged([{ ...saved[0]!, name: ' Character 1 ' }, saved[1]!], saved)).toBe(false);
  });

  it('is true for a row added, removed, moved or edited', () => {
    expect(castChanged([...saved, newRow('n')], saved)).toBe(true);
    expect(castChanged([saved[0]!], saved)).toBe(true);
    expect(castChanged([saved[1]!, saved[0]!], saved)).toBe(true);
    expect(castChanged([saved[0]!, { ...saved[1]!, actor: null }], saved)).toBe(true);
    expect(castChanged([{ ...saved[0]!, role: 'leading' }, saved[1]!], saved)).toBe(true);
  });
});

describe('castErrors', () => {
  const rows = [rowOf(character(1)), newRow('new-1'), rowOf(character(3))];

  it("puts each field's message on the row it names, in either form of the name", () => {
    const errors = castErrors(refusal('characters.1.name', 'characters.1.role', 'characters[2].actorId', 'characters.0.id'), rows);
    expect(errors).toEqual({
      rows: {
        'new-1': { name: 'characters.1.name is wrong', role: 'characters.1.role is wrong' },
        c3: { actor: 'characters[2].actorId is wrong' },
        c1: { other: 'id characters.0.id is wrong' },
      },
    });
  });

  it('says what no row shows in one message', () => {
    expect(castErrors(refusal('characters'), rows)).toEqual({ rows: {}, general: 'characters characters is wrong' });
    expect(castErrors(refusal('characters.9.name'), rows)).toEqual({ rows: {}, general: 'characters.9.name characters.9.name is wrong' });
    expect(castErrors(new ApiError(404, { detail: 'No movie with id 12.' }), rows)).toEqual({ rows: {}, general: 'No movie with id 12.' });
    expect(castErrors(new ApiError(0, undefined), rows)).toEqual({ rows: {}, general: 'The service could not be reached.' });
  });
});
