// The one combobox of the app (the header's search, the person and country pickers): Downshift's
// useCombobox for the ARIA pattern and the keys (arrows move, Enter picks, Escape closes), the
// suggestions through the query cache as the user types, and a status line for screen readers.
// What Enter, clicks, Escape and leaving the field do is combobox-state.ts.
import { type QueryKey, type UseQueryOptions, keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { type KeyboardEvent, type Ref, useEffect, useId, useState } from 'react';
import type { Image } from '../api/client';
import { useDebounced } from '../use-debounced';
import { type ComboboxEvent, type ComboboxRules, comboboxChanges, pickableIndex } from './combobox-state';
import { Field } from './field';
import { Picture } from './picture';

const EVENTS = new Map<unknown, ComboboxEvent>([
  [useCombobox.stateChangeTypes.InputKeyDownEnter, 'enter'],
  [useCombobox.stateChangeTypes.ItemClick, 'itemClick'],
  [useCombobox.stateChangeTypes.InputClick, 'inputClick'],
  [useCombobox.stateChangeTypes.InputKeyDownEscape, 'escape'],
  [useCombobox.stateChangeTypes.InputBlur, 'blur'],
  [useCombobox.stateChangeTypes.ControlledPropUpdatedSelectedItem, 'selectionHandedOver'],
]);

/** How a suggestion reads. */
export interface Option {
  key: string | number;
  label: string;
  detail: string;
  /** Only options with a picture (people, movies) set these two. */
  image?: Image | null;
  fallback?: string;
}

export interface ComboboxProps<T, D, E, K extends QueryKey> {
  label: string;
  hideLabel?: boolean;
  /** The query that finds the suggestions for a text ($api.queryOptions with a select). */
  suggest: (q: string) => UseQueryOptions<D, E, T[], K>;
  describe: (item: T) => Option;
  onSelect: (item: T) => void;
  /** Enter with no suggestion highlighted (the search box opens its results page). */
  onEnter?: (text: string) => void;
  initialText?: string;
  /** Fewer characters than this search nothing yet. */
  minLength?: number;
  /** The pause after the last key before asking. */
  delayMs?: number;
  /** The first suggestion is highlighted as soon as it comes, so that Enter takes it (pickers). */
  autoHighlight?: boolean;
  /** A pick empties the field, for the next one (a field that adds one choice after another). */
  clearOnSelect?: boolean;
  /** "No match" and a failed search also show under the field, not only to screen readers. */
  showStatus?: boolean;
  /** The listbox's name; the label's when not given. */
  listLabel?: string;
  /** The service's message for this field. */
  error?: string;
  disabled?: boolean;
  placeholder?: string;
  type?: 'text' | 'search';
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

export function Combobox<T, D, E, K extends QueryKey>(props: ComboboxProps<T, D, E, K>) {
  const { label, suggest, describe, onSelect, onEnter, minLength = 1, delayMs = 200, autoHighlight = false } = props;
  const type = props.type ?? 'text';
  const id = useId();
  // Downshift keeps the input's text; this copy of it drives the search.
  const [text, setText] = useState(props.initialText ?? '');
  const q = text.trim();
  const settled = useDebounced(q, delayMs);
  const enabled = settled.length >= minLength;
  const found = useQuery({ ...suggest(settled), enabled, placeholderData: keepPreviousData });
  const items = q.length >= minLength ? (found.data ?? []) : [];
  // The suggestions answer what is typed now: Enter picks only from those.
  const fresh = enabled && settled === q && found.isSuccess && !found.isPlaceholderData;

  const rules: ComboboxRules = {
    itemCount: items.length,
    fresh,
    searches: onEnter !== undefined,
    clearOnSelect: props.clearOnSelect ?? false,
    escapeClears: type === 'search',
  };

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, openMenu, setHighlightedIndex } = useCombobox<T>({
    id,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-list`,
    getItemId: (index) => `${id}-option-${index}`,
    items,
    itemToString: (item) => (item === null ? '' : describe(item).label),
    itemToKey: (item) => (item === null ? null : describe(item).key),
    initialInputValue: props.initialText ?? '',
    // Nothing stays selected here: a choice is handed over and the owner shows it.
    selectedItem: null,
    defaultHighlightedIndex: autoHighlight ? 0 : -1,
    onInputValueChange: ({ inputValue }) => setText(inputValue),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem !== null) onSelect(selectedItem);
    },
    stateReducer: (state, { type: change, changes }) => comboboxChanges(EVENTS.get(change) ?? 'other', state, changes, rules),
  });

  // Each answer for what is typed now starts from the first suggestion (pickers) or from none, so
  // that the highlight never points past the end of a shorter list.
  const answer = fresh ? `${found.dataUpdatedAt}:${settled}` : null;
  useEffect(() => {
    if (answer !== null) setHighlightedIndex(autoHighlight && items.length > 0 ? 0 : -1);
    // Only a new answer resets it, not the keys that move it through this one.
  }, [answer]);

  const showList = isOpen && items.length > 0;
  // The option highlighted, if it is one of those shown.
  const active = showList && highlightedIndex < items.length ? highlightedIndex : -1;
  const picking = pickableIndex({ isOpen, highlightedIndex }, rules) >= 0;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter picks or searches; it never submits the form around the field half filled.
      event.preventDefault();
      if (!picking) onEnter?.(q);
    } else if (event.key === 'Escape' && isOpen) {
      // Only the list closes: a dialog or page around it keeps its own Escape.
      event.stopPropagation();
    }
  };
  // Coming back to a field with text in it shows its suggestions (or its status) again.
  const onFocus = () => {
    if (!isOpen && q.length >= minLength) openMenu();
  };

  let status = '';
  if (q.length >= minLength) {
    if (found.isError) status = 'The search failed; type again to retry.';
    else if (!fresh) status = 'Searching…';
    else if (items.length === 0) status = 'No match.';
    else status = `${items.length} ${items.length === 1 ? 'match' : 'matches'}; arrow keys to move, Enter to pick.`;
  }

  return (
    <Field id={id} label={label} hideLabel={props.hideLabel} error={props.error} className={props.className}>
      {(control) => (
        <>
          <div className="combobox">
            <input
              {...getInputProps({
                ref: props.inputRef,
                type,
                placeholder: props.placeholder,
                maxLength: props.maxLength,
                disabled: props.disabled,
                onKeyDown,
                onFocus,
                'aria-describedby': control['aria-describedby'],
                'aria-invalid': control['aria-invalid'],
                // Open only with something to show, and pointing at an option that is there.
                'aria-expanded': showList,
                'aria-activedescendant': active >= 0 ? `${id}-option-${active}` : undefined,
              })}
            />
            <ul {...getMenuProps({ className: 'suggestions', 'aria-label': props.listLabel ?? label, hidden: !showList })}>
              {showList &&
                items.map((item, index) => {
                  const option = describe(item);
                  return (
                    <li key={option.key} {...getItemProps({ item, index, className: index === active ? 'active' : undefined })}>
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
          </div>
          <span className="visually-hidden" role="status" aria-live="polite">
            {isOpen ? status : ''}
          </span>
          {props.showStatus && isOpen && items.length === 0 && (found.isError || (fresh && status)) && (
            <span className="field-hint">{status}</span>
          )}
        </>
      )}
    </Field>
  );
}
