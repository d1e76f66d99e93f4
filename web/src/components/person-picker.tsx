// Choosing one person (a director, an actor) or one country by typing part of the name: a combobox
// whose listbox the arrow keys move through, Enter picks, Escape closes; the choice then shows as a
// chip with a button to clear it. The catalogue holds too many people for a <select>.
import { useEffect, useId, useRef, useState } from 'react';
import { api, type Image, type PersonRef, type PersonSummary, type Schemas, unwrap } from '../api/client';
import { fullName, year } from '../format';
import { Picture, initials } from './picture';

export type Country = Schemas['Country'];

interface Option {
  key: number;
  label: string;
  detail: string;
  /** Only options with a picture (people) set these two. */
  image?: Image | null;
  fallback?: string;
}

interface ComboboxProps<T> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** Kept stable (a module function), so that a render does not restart the search. */
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  describe: (item: T) => Option;
  /** The service's message for this field, shown under it. */
  error?: string;
  placeholder?: string;
  /** Fewer characters than this search nothing yet. */
  minLength?: number;
  disabled?: boolean;
}

type SearchState = 'idle' | 'searching' | 'done' | 'failed';

function Combobox<T>({ label, value, onChange, search, describe, error, placeholder, minLength = 1, disabled = false }: ComboboxProps<T>) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const errorId = `${baseId}-error`;
  const [text, setText] = useState('');
  const [results, setResults] = useState<T[]>([]);
  // The text the results answer: Enter picks only from results for what is typed now.
  const [resultsFor, setResultsFor] = useState('');
  const [state, setState] = useState<SearchState>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  // Where focus goes after the input and the chip trade places, so that keyboard users stay put.
  const focusNext = useRef<'input' | 'clear' | null>(null);

  useEffect(() => {
    if (focusNext.current === 'input') inputRef.current?.focus();
    if (focusNext.current === 'clear') clearRef.current?.focus();
    focusNext.current = null;
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < minLength) {
      setResults([]);
      setState('idle');
      return;
    }
    const controller = new AbortController();
    // A short pause, so that fast typing sends one request rather than one per key.
    const timer = setTimeout(() => {
      setState('searching');
      search(q, controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setResults(found);
          setResultsFor(q);
          setActive(found.length > 0 ? 0 : -1);
          setState('done');
        },
        () => {
          if (controller.signal.aborted) return;
          setResults([]);
          setState('failed');
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, search, minLength]);

  const choose = (item: T) => {
    focusNext.current = 'clear';
    setOpen(false);
    setText('');
    setResults([]);
    onChange(item);
  };

  const clear = () => {
    focusNext.current = 'input';
    onChange(null);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      if (results.length > 0) setActive((i) => (i + 1) % results.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length > 0) setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      // Enter in a picker picks; it never submits the form around it half filled.
      event.preventDefault();
      const chosen = open && resultsFor === text.trim() ? results[active] : undefined;
      if (chosen !== undefined) choose(chosen);
    } else if (event.key === 'Escape' && open) {
      // Only the list closes: a dialog or page around it keeps its own Escape.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  if (value !== null) {
    const chosen = describe(value);
    return (
      <div className="field" role="group" aria-labelledby={`${baseId}-label`}>
        <span id={`${baseId}-label`}>{label}</span>
        <span style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', fontWeight: 400, flexWrap: 'wrap' }}>
          {chosen.image !== undefined && (
            <Picture image={chosen.image} alt="" sizes="40px" className="thumb" fallback={chosen.fallback ?? ''} />
          )}
          <span style={{ flex: '1 1 8rem' }}>
            <span className="suggestion-label">{chosen.label}</span>
            {chosen.detail && <span className="suggestion-detail">{chosen.detail}</span>}
          </span>
          <button
            type="button"
            ref={clearRef}
            onClick={clear}
            disabled={disabled}
            aria-label={`Clear ${label.toLowerCase()}: ${chosen.label}`}
          >
            Clear
          </button>
        </span>
        {error && (
          <span className="field-error" id={errorId}>
            {error}
          </span>
        )}
      </div>
    );
  }

  const q = text.trim();
  const showList = open && q.length >= minLength && state !== 'idle';
  let status = '';
  if (state === 'searching') status = 'Searching…';
  else if (state === 'failed') status = 'The search failed; type again to retry.';
  else if (state === 'done' && results.length === 0) status = 'No match.';
  else if (state === 'done') status = `${results.length} ${results.length === 1 ? 'match' : 'matches'}; arrow keys to move, Enter to pick.`;

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div style={{ position: 'relative' }}>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          placeholder={placeholder ?? 'Type to search'}
          aria-expanded={showList && results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 && results.length > 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={text}
          maxLength={100}
          disabled={disabled}
          style={{ width: '100%' }}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        {showList && results.length > 0 && (
          <ul className="suggestions" id={listId} role="listbox" aria-label={label}>
            {results.map((item, index) => {
              const option = describe(item);
              return (
                <li
                  key={option.key}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : ''}
                  // mousedown, not click: the input keeps its focus and does not close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(item);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  {option.image !== undefined && (
                    <Picture image={option.image} alt="" sizes="40px" className="thumb" fallback={option.fallback ?? ''} />
                  )}
                  <span>
                    <span className="suggestion-label">{option.label}</span>
                    {option.detail && <span className="suggestion-detail">{option.detail}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {open ? status : ''}
      </span>
      {showList && results.length === 0 && state !== 'searching' && (
        <span className="muted" style={{ fontWeight: 400 }}>
          {status}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

const toRef = (p: PersonSummary | PersonRef): PersonRef => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, photo: p.photo });

async function searchPersons(q: string, signal: AbortSignal): Promise<PersonSummary[]> {
  const page = await unwrap(api.GET('/api/v1/persons', { params: { query: { q, pageSize: 8 } }, signal }));
  return page.items;
}

/** What tells two people of the same name apart: birth year and credits. */
function personDetail(p: PersonRef | PersonSummary): string {
  if (!('moviesActed' in p)) return '';
  const parts: string[] = [];
  if (p.birthDate) parts.push(`born ${year(p.birthDate)}`);
  if (p.moviesDirected > 0) parts.push(`directed ${p.moviesDirected}`);
  if (p.moviesActed > 0) parts.push(`acted in ${p.moviesActed}`);
  return parts.join(' · ');
}

function describePerson(p: PersonRef | PersonSummary): Option {
  const name = fullName(p);
  return { key: p.id, label: name, detail: personDetail(p), image: p.photo, fallback: initials(name) || '?' };
}

export interface PersonPickerProps {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  error?: string;
  disabled?: boolean;
}

export function PersonPicker({ label, value, onChange, error, disabled }: PersonPickerProps) {
  return (
    <Combobox<PersonRef | PersonSummary>
      label={label}
      value={value}
      onChange={(person) => onChange(person ? toRef(person) : null)}
      search={searchPersons}
      describe={describePerson}
      error={error}
      disabled={disabled}
      placeholder="Type a name"
    />
  );
}

async function searchCountries(q: string, signal: AbortSignal): Promise<Country[]> {
  const page = await unwrap(api.GET('/api/v1/countries', { params: { query: { q, page: 1, pageSize: 8 } }, signal }));
  return page.items;
}

const describeCountry = (c: Country): Option => ({ key: c.id, label: c.name, detail: c.code });

export interface CountryPickerProps {
  label: string;
  value: Country | null;
  onChange: (country: Country | null) => void;
  error?: string;
  disabled?: boolean;
}

/** The same combobox over the countries (searched by name or ISO code). */
export function CountryPicker({ label, value, onChange, error, disabled }: CountryPickerProps) {
  return (
    <Combobox<Country>
      label={label}
      value={value}
      onChange={onChange}
      search={searchCountries}
      describe={describeCountry}
      error={error}
      disabled={disabled}
      placeholder="Type a country or its code"
    />
  );
}
