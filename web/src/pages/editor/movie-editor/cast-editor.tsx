// The cast, in credits order: a row a character with its name, role and actor, moved up and down
// with buttons that keep the keyboard on the row, and a message by the field a refusal names.
import type { Dispatch } from 'react';
import { useRef } from 'react';
import { Field } from '../../../components/field';
import { PersonPicker } from '../../../components/person-picker';
import { Empty, FormError } from '../../../components/states';
import { fullName } from '../../../format';
import { type CastErrors, type CastRow, ROLES, type RowErrors } from './cast';
import type { MovieFormAction } from './form-state';

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export interface CastEditorProps {
  rows: CastRow[];
  errors: CastErrors | undefined;
  justAdded: string | null;
  disabled: boolean;
  dispatch: Dispatch<MovieFormAction>;
}

export function CastEditor({ rows, errors, justAdded, disabled, dispatch }: CastEditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);

  const move = (row: CastRow, index: number, by: -1 | 1) => {
    dispatch({ type: 'moveRow', index, by });
    // The keyboard stays on the row that moved: its same button, or the other one when the row
    // reached the top or the bottom.
    setTimeout(() => {
      const button = (direction: string) => document.querySelector<HTMLButtonElement>(`[data-move="${row.key}:${direction}"]`);
      const same = button(by < 0 ? 'up' : 'down');
      (same && !same.disabled ? same : button(by < 0 ? 'down' : 'up'))?.focus();
    });
  };

  return (
    <fieldset>
      <legend>Cast, in credits order</legend>
      {rows.length === 0 ? (
        <Empty>No cast yet.</Empty>
      ) : (
        <ol className="cast-rows">
          {rows.map((row, index) => (
            <li key={row.key}>
              <CastRowEditor
                row={row}
                index={index}
                count={rows.length}
                autoFocus={row.key === justAdded}
                errors={errors?.rows[row.key]}
                disabled={disabled}
                onChange={(change) => dispatch({ type: 'updateRow', key: row.key, change })}
                onMove={(by) => move(row, index, by)}
                onRemove={() => {
                  dispatch({ type: 'removeRow', key: row.key });
                  addButton.current?.focus();
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {errors?.general && <FormError error={new Error(`The cast was not saved: ${errors.general}`)} />}
      <p className="flush-bottom">
        <button type="button" ref={addButton} onClick={() => dispatch({ type: 'addRow', key: newKey() })} disabled={disabled}>
          Add character
        </button>
      </p>
    </fieldset>
  );
}

interface CastRowEditorProps {
  row: CastRow;
  index: number;
  count: number;
  autoFocus: boolean;
  errors: RowErrors | undefined;
  disabled: boolean;
  onChange: (change: Partial<Pick<CastRow, 'name' | 'role' | 'actor'>>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function CastRowEditor({ row, index, count, autoFocus, errors, disabled, onChange, onMove, onRemove }: CastRowEditorProps) {
  const position = index + 1;
  return (
    <fieldset>
      <legend>
        Character {position}
        {row.id === null && <span className="muted"> (new)</span>}
      </legend>
      <div className="cast-row">
        <div className="row">
          <Field label="Character name" error={errors?.name} className="grow-2">
            {(control) => (
              <input
                {...control}
                value={row.name}
                required={!row.nameless}
                maxLength={300}
                autoFocus={autoFocus}
                onChange={(event) => onChange({ name: event.target.value })}
              />
            )}
          </Field>
          <Field label="Role" error={errors?.role} className="grow-1">
            {(control) => (
              <select
                {...control}
                value={row.role}
                onChange={(event) => {
                  const role = ROLES.find((r) => r.value === event.target.value);
                  if (role) onChange({ role: role.value });
                }}
              >
                {ROLES.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <PersonPicker label="Actor" value={row.actor} onChange={(actor) => onChange({ actor })} error={errors?.actor} />
        {row.others.length > 0 && <p className="muted flush">Also played by {row.others.map(fullName).join(', ')}.</p>}
        {errors?.other && <FormError error={new Error(errors.other)} />}
        <div className="buttons">
          <button
            type="button"
            data-move={`${row.key}:up`}
            onClick={() => onMove(-1)}
            disabled={disabled || index === 0}
            aria-label={`Move character ${position} up`}
          >
            ↑ Up
          </button>
          <button
            type="button"
            data-move={`${row.key}:down`}
            onClick={() => onMove(1)}
            disabled={disabled || index === count - 1}
            aria-label={`Move character ${position} down`}
          >
            ↓ Down
          </button>
          <button type="button" className="danger" onClick={onRemove} disabled={disabled} aria-label={`Remove character ${position}`}>
            Remove
          </button>
        </div>
      </div>
    </fieldset>
  );
}
