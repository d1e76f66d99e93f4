// Choosing one thing (a director, an actor, a country) by typing part of its name: the combobox
// while nothing is chosen, then the choice as a chip with a button to clear it. The catalogue holds
// too many people for a <select>. A field that adds one choice after another to a list shown
// elsewhere (the actors of a filter) stays a combobox, emptied after each pick.
import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { Combobox, type ComboboxProps, type Option } from './combobox';
import { Picture } from './picture';

export interface PickerProps<T, D, E, K extends QueryKey> extends Pick<ComboboxProps<T, D, E, K>, 'suggest' | 'describe'> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** The service's message for this field, shown under it. */
  error?: string;
  disabled?: boolean;
  placeholder?: string;
  /** Each pick is added to a list shown elsewhere (value stays null): the field empties for the next. */
  adds?: boolean;
}

export function Picker<T, D, E, K extends QueryKey>({
  label,
  value,
  onChange,
  suggest,
  describe,
  error,
  disabled,
  placeholder,
  adds = false,
}: PickerProps<T, D, E, K>) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  // Where focus goes after the field and the chip trade places, so that keyboard users stay put.
  const focusNext = useRef<'input' | 'clear' | null>(null);

  useEffect(() => {
    if (focusNext.current === 'input') inputRef.current?.focus();
    if (focusNext.current === 'clear') clearRef.current?.focus();
    focusNext.current = null;
  }, [value]);

  if (value === null) {
    return (
      <Combobox
        label={label}
        suggest={suggest}
        describe={describe}
        onSelect={(item) => {
          // The chip's Clear button takes the focus from the field it replaces; a field that adds
          // keeps it.
          if (!adds) focusNext.current = 'clear';
          onChange(item);
        }}
        autoHighlight
        clearOnSelect={adds}
        showStatus
        error={error}
        disabled={disabled}
        placeholder={placeholder ?? 'Type to search'}
        maxLength={100}
        inputRef={inputRef}
      />
    );
  }

  const chosen: Option = describe(value);
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? `${id}-error` : undefined}>
      <span id={`${id}-label`}>{label}</span>
      <span className="chosen">
        {chosen.image !== undefined && (
          <Picture image={chosen.image} alt="" sizes="40px" className="thumb" fallback={chosen.fallback ?? ''} />
        )}
        <span className="chosen-text">
          <span className="suggestion-label">{chosen.label}</span>
          {chosen.detail && <span className="suggestion-detail">{chosen.detail}</span>}
        </span>
        <button
          type="button"
          ref={clearRef}
          onClick={() => {
            focusNext.current = 'input';
            onChange(null);
          }}
          disabled={disabled}
          aria-label={`Clear ${label.toLowerCase()}: ${chosen.label}`}
        >
          Clear
        </button>
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
