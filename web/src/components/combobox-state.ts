// The combobox's own rules over Downshift's state changes (combobox.tsx hands every change through
// here): what Enter, a click on a suggestion or on the field, Escape and leaving the field do. Plain
// code, which the unit tests import.

/** The part of Downshift's state the rules read and change. */
export interface ComboboxState<T> {
  isOpen: boolean;
  highlightedIndex: number;
  inputValue: string;
  selectedItem: T | null;
}

/** The changes with a rule of their own; Downshift's answer stands for every other ('other'). */
export type ComboboxEvent = 'enter' | 'itemClick' | 'inputClick' | 'escape' | 'blur' | 'selectionHandedOver' | 'other';

/** What the field is and shows at the moment of the change. */
export interface ComboboxRules {
  /** How many suggestions there are to show. */
  itemCount: number;
  /** The suggestions answer what is typed now, not a text before it (kept while the next come). */
  fresh: boolean;
  /** Enter with nothing to pick searches for the text (the header's search box). */
  searches: boolean;
  /** A pick empties the field: it adds one choice after another, shown elsewhere. */
  clearOnSelect: boolean;
  /** Escape with no list to close empties the field, as a browser's search field does. */
  escapeClears: boolean;
}

/** The suggestion Enter would take: one shown for what is typed now, or -1. */
export function pickableIndex(state: Pick<ComboboxState<unknown>, 'isOpen' | 'highlightedIndex'>, rules: ComboboxRules): number {
  const { highlightedIndex } = state;
  return state.isOpen && rules.fresh && highlightedIndex >= 0 && highlightedIndex < rules.itemCount ? highlightedIndex : -1;
}

/**
 * The state after a change: `state` before it, `changes` what Downshift would make of it. Nothing
 * stays selected (a choice is handed over and the owner shows it), and the text stays what the user
 * typed unless a pick clears it.
 */
export function comboboxChanges<T>(
  event: ComboboxEvent,
  state: ComboboxState<T>,
  changes: Partial<ComboboxState<T>>,
  rules: ComboboxRules,
): Partial<ComboboxState<T>> {
  const closed = { ...state, isOpen: false, highlightedIndex: -1 };
  switch (event) {
    case 'blur':
      // Leaving the field (Tab, a click elsewhere) picks nothing.
      return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
    case 'enter':
      // Enter picks only a suggestion for what is typed now. With nothing to pick, a search box
      // searches and its list closes (the results page must not sit under it); a picker waits.
      if (pickableIndex(state, rules) >= 0) return { ...changes, inputValue: rules.clearOnSelect ? '' : state.inputValue };
      return rules.searches ? closed : state;
    case 'itemClick':
      return { ...changes, inputValue: rules.clearOnSelect ? '' : state.inputValue };
    case 'inputClick':
      // A click neither opens nor closes the list: the focus opens it (see combobox.tsx).
      return state;
    case 'escape':
      // Escape closes the list. With none to close, a search box empties and a picker keeps its text.
      if (state.isOpen && (rules.itemCount > 0 || !rules.escapeClears)) return closed;
      return rules.escapeClears ? { ...closed, inputValue: '', selectedItem: null } : closed;
    case 'selectionHandedOver':
      // Downshift sees its selection go back to the null it is held at (the pick was handed over)
      // and would set the text to that null's, '': after a pick in a field that adds, it did so on
      // the next change, wiping what was typed for the next pick.
      return { ...changes, inputValue: state.inputValue };
    case 'other':
      return changes;
  }
}
