// The combobox's rules over Downshift's state changes (web/src/components/combobox-state.ts).
import { describe, expect, it } from 'vitest';
import { type ComboboxRules, type ComboboxState, comboboxChanges as next, pickableIndex } from '../../web/src/components/combobox-state.js';

const open: ComboboxState<string> = { isOpen: true, highlightedIndex: 0, inputValue: 'nol', selectedItem: null };
const closedState: ComboboxState<string> = { ...open, isOpen: false, highlightedIndex: -1 };
const picker: ComboboxRules = { itemCount: 2, fresh: true, searches: false, clearOnSelect: false, escapeClears: false };
const searchBox: ComboboxRules = { ...picker, searches: true, escapeClears: true };
// What Downshift makes of Enter or a click on a suggestion: it picks, closes, and writes the label.
const pick = { selectedItem: 'Christopher Nolan', isOpen: false, highlightedIndex: 0, inputValue: 'Christopher Nolan' };

describe('the combobox rules', () => {
  it('Enter picks a suggestion shown for what is typed now, and keeps the text', () => {
    expect(next('enter', open, pick, picker)).toEqual({ ...pick, inputValue: 'nol' });
  });

  it('a field that adds one choice after another is emptied by a pick, by Enter or by a click', () => {
    const adds = { ...picker, clearOnSelect: true };
    expect(next('enter', open, pick, adds)).toEqual({ ...pick, inputValue: '' });
    expect(next('itemClick', open, pick, adds)).toEqual({ ...pick, inputValue: '' });
    expect(next('itemClick', open, pick, picker)).toEqual({ ...pick, inputValue: 'nol' });
  });

  it('keeps what is typed for the next pick when Downshift sees the handed-over selection go back to null', () => {
    const adds = { ...picker, clearOnSelect: true };
    const typedNext = { ...open, inputValue: 'japa' };
    // Downshift would write the null selection's text, '', over what was just typed.
    expect(next('selectionHandedOver', typedNext, { inputValue: '' }, adds)).toEqual({ inputValue: 'japa' });
  });

  it('Enter picks nothing from the suggestions of an earlier text, nor past the end of the list', () => {
    expect(next('enter', open, pick, { ...picker, fresh: false })).toBe(open);
    const pastTheEnd = { ...open, highlightedIndex: 2 };
    expect(next('enter', pastTheEnd, pick, picker)).toBe(pastTheEnd);
    expect(pickableIndex(pastTheEnd, picker)).toBe(-1);
    expect(pickableIndex(open, picker)).toBe(0);
    expect(pickableIndex(closedState, picker)).toBe(-1);
  });

  it('Enter with nothing to pick closes a search box’s list (it searches) and leaves a picker’s open', () => {
    const none = { ...open, highlightedIndex: -1 };
    expect(next('enter', none, { isOpen: false, highlightedIndex: -1 }, searchBox)).toEqual({ ...none, isOpen: false });
    expect(next('enter', open, pick, { ...searchBox, fresh: false })).toEqual({ ...open, isOpen: false, highlightedIndex: -1 });
    expect(next('enter', none, { isOpen: false, highlightedIndex: -1 }, picker)).toBe(none);
  });

  it('leaving the field picks nothing and keeps the text', () => {
    expect(next('blur', open, { ...pick, isOpen: false }, picker)).toEqual({
      ...pick,
      isOpen: false,
      selectedItem: null,
      inputValue: 'nol',
    });
  });

  it('a click on the field does not toggle the list: the focus opens it', () => {
    expect(next('inputClick', open, { isOpen: false, highlightedIndex: -1 }, picker)).toBe(open);
    expect(next('inputClick', closedState, { isOpen: true, highlightedIndex: 0 }, picker)).toBe(closedState);
  });

  it('Escape closes the list; on a closed picker it keeps the text', () => {
    const escape = { isOpen: false, highlightedIndex: -1 };
    expect(next('escape', open, escape, picker)).toEqual({ ...open, isOpen: false, highlightedIndex: -1 });
    // Downshift would empty the field here.
    expect(next('escape', closedState, { ...escape, inputValue: '', selectedItem: null }, picker)).toEqual(closedState);
  });

  it('Escape on a search box closes the suggestions shown, or else empties the box', () => {
    const escape = { isOpen: false, highlightedIndex: -1 };
    expect(next('escape', open, escape, searchBox)).toEqual({ ...open, isOpen: false, highlightedIndex: -1 });
    expect(next('escape', closedState, escape, searchBox)).toEqual({ ...closedState, inputValue: '' });
    expect(next('escape', open, escape, { ...searchBox, itemCount: 0 })).toEqual({ ...closedState, inputValue: '' });
  });

  it('leaves every other change as Downshift made it', () => {
    const typed = { isOpen: true, highlightedIndex: 0, inputValue: 'nola' };
    expect(next('other', open, typed, picker)).toBe(typed);
  });
});
