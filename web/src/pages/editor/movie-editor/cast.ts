// The cast as the movie editor holds it: one row a character, in credits order. A save sends the
// whole list in one request (PUT /movies/{id}/characters), and a refusal names the row it is about.
// Plain code, which the unit tests import.
import { ApiError } from '../../../api/api-error.js';
import type { components, paths } from '../../../api/schema.js';

type Character = components['schemas']['Character'];
type PersonRef = components['schemas']['PersonRef'];
export type Role = Character['role'];
export type CastBody = paths['/api/v1/movies/{id}/characters']['put']['requestBody']['content']['application/json'];

export const ROLES: { value: Role; label: string }[] = [
  { value: 'leading', label: 'Leading' },
  { value: 'supporting', label: 'Supporting' },
  { value: 'background', label: 'Background' },
];

/** One line of the cast as the editor shows it; id is null until the character is saved. */
export interface CastRow {
  /** Stays with the row as it moves and through saves: React's key, and where its errors go. */
  key: string;
  id: number | null;
  name: string;
  role: Role;
  actor: PersonRef | null;
  /** Others credited for the character (a younger self, a stand-in): kept, shown, not edited here. */
  others: PersonRef[];
  /** Stored without a name (an imported character): it may stay nameless. */
  nameless: boolean;
}

export const rowOf = (c: Character, key = `c${c.id}`): CastRow => ({
  key,
  id: c.id,
  name: c.name ?? '',
  role: c.role,
  actor: c.actor,
  others: c.performers.filter((p) => p.id !== c.actor?.id),
  nameless: c.name === null,
});

export const newRow = (key: string): CastRow => ({ key, id: null, name: '', role: 'supporting', actor: null, others: [], nameless: false });

/**
 * The rows after a save: the service's answer, in the order sent, each keeping the key of the row
 * it answers so that focus and React's state stay where they were.
 */
export const savedRows = (sent: CastRow[], answer: Character[]): CastRow[] => answer.map((c, index) => rowOf(c, sent[index]?.key));

/** The body of PUT /movies/{id}/characters: every row, in order; a nameless character left unnamed keeps no name. */
export function castBody(rows: CastRow[]): CastBody {
  return {
    characters: rows.map((row) => {
      const name = row.name.trim();
      const actorId = row.actor?.id ?? null;
      if (row.id === null) return { name, role: row.role, actorId };
      return name === '' && row.nameless ? { id: row.id, role: row.role, actorId } : { id: row.id, name, role: row.role, actorId };
    }),
  };
}

/** Whether the rows say something the service does not hold yet (saved: the rows as last stored). */
export function castChanged(rows: CastRow[], saved: CastRow[]): boolean {
  if (rows.length !== saved.length) return true;
  return rows.some((row, index) => {
    const before = saved[index];
    return (
      before === undefined ||
      row.id !== before.id ||
      row.name.trim() !== before.name ||
      row.role !== before.role ||
      (row.actor?.id ?? null) !== (before.actor?.id ?? null)
    );
  });
}

/** The messages of one row, by the field that shows them. */
export interface RowErrors {
  name?: string;
  role?: string;
  actor?: string;
  /** What no field of the row shows (the character is not this movie's, it is listed twice). */
  other?: string;
}

export interface CastErrors {
  /** By row key. */
  rows: Record<string, RowErrors>;
  /** What no row shows: a 404, a refused session, the service unreachable, a list too long. */
  general?: string;
}

// The service names a row's field characters.<index>.<field>; characters[<index>].<field> is read too.
const ROW_FIELD = /^characters(?:\.(\d+)|\[(\d+)\])\.(\w+)/;
const FIELD_OF: Record<string, keyof RowErrors> = { name: 'name', role: 'role', actorId: 'actor', actorIds: 'actor' };

/** A failed save of the cast, by row (the rows as they were sent) and the rest. */
export function castErrors(error: unknown, rows: CastRow[]): CastErrors {
  const result: CastErrors = { rows: {} };
  const unplaced: string[] = [];
  for (const e of error instanceof ApiError ? (error.errors ?? []) : []) {
    const match = ROW_FIELD.exec(e.field);
    const row = match ? rows[Number(match[1] ?? match[2])] : undefined;
    if (!match || !row) {
      unplaced.push(`${e.field} ${e.message}`);
      continue;
    }
    const field = FIELD_OF[match[3] ?? ''] ?? 'other';
    const errors = (result.rows[row.key] ??= {});
    const message = field === 'other' ? `${match[3]} ${e.message}` : e.message;
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  if (unplaced.length > 0) result.general = unplaced.join('; ');
  else if (Object.keys(result.rows).length === 0) result.general = error instanceof Error ? error.message : 'Something went wrong.';
  return result;
}
