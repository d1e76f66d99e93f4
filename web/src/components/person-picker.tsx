// Choosing one person (a director, an actor) by name, among the catalogue's people.
import type { PersonRef, PersonSummary } from '../api/client';
import { $api } from '../api/queries';
import { fullName, year } from '../format';
import type { Option } from './combobox';
import { initials } from './picture';
import { Picker } from './picker';

type Found = PersonRef | PersonSummary;

const toRef = (p: Found): PersonRef => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, photo: p.photo });

const searchPersons = (q: string) =>
  $api.queryOptions('get', '/api/v1/persons', { params: { query: { q, pageSize: 8 } } }, { select: (page): Found[] => page.items });

/** What tells two people of the same name apart: birth year and credits. */
function personDetail(p: Found): string {
  if (!('moviesActed' in p)) return '';
  const parts: string[] = [];
  if (p.birthDate) parts.push(`born ${year(p.birthDate)}`);
  if (p.moviesDirected > 0) parts.push(`directed ${p.moviesDirected}`);
  if (p.moviesActed > 0) parts.push(`acted in ${p.moviesActed}`);
  return parts.join(' · ');
}

function describePerson(p: Found): Option {
  const name = fullName(p);
  return { key: p.id, label: name, detail: personDetail(p), image: p.photo, fallback: initials(name) || '?' };
}

export interface PersonPickerProps {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  error?: string;
  disabled?: boolean;
  /** Each pick is added to a list shown elsewhere (value stays null): see Picker. */
  adds?: boolean;
}

export function PersonPicker({ label, value, onChange, error, disabled, adds }: PersonPickerProps) {
  return (
    <Picker
      label={label}
      value={value}
      onChange={(person) => onChange(person ? toRef(person) : null)}
      suggest={searchPersons}
      describe={describePerson}
      error={error}
      disabled={disabled}
      placeholder="Type a name"
      adds={adds}
    />
  );
}
