// The panel's small parts: a field that changes the address when the user is done with it, the
// all-or-any choice of a list, and a from–to pair of numbers.
import { type InputHTMLAttributes, type ReactNode, useId, useState } from 'react';
import { Field } from '../field';

/**
 * A text or number field that changes the address when the user is done with it (Enter, or
 * leaving the field), not at every key: each change is a request and a history entry.
 */
export function CommitInput({
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
export function MatchChoice({ any, onChange, label }: { any: boolean; onChange: (any: boolean) => void; label: string }) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className="choices">
      <label className="check">
        <input type="radio" name={name} checked={!any} onChange={() => onChange(false)} /> All of them
      </label>
      <label className="check">
        <input type="radio" name={name} checked={any} onChange={() => onChange(true)} /> Any of them
      </label>
    </div>
  );
}

interface RangeEnd {
  label: string;
  value: string;
  commit: (value: string) => void;
}

/** A from–to pair of numbers, each its own labelled field. */
export function RangeFilter({
  legend,
  from,
  to,
  min,
  max,
  step = 1,
  children,
}: {
  legend: string;
  from: RangeEnd;
  to: RangeEnd;
  min: number;
  max?: number;
  step?: number;
  /** More fields of the same group, after the pair. */
  children?: ReactNode;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="pair">
        {[from, to].map((end) => (
          <Field key={end.label} label={end.label}>
            {(control) => (
              <CommitInput
                {...control}
                type="number"
                inputMode={Number.isInteger(step) ? 'numeric' : 'decimal'}
                min={min}
                max={max}
                step={step}
                value={end.value}
                onCommit={end.commit}
              />
            )}
          </Field>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
