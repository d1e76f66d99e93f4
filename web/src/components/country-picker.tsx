// Choosing a country, searched by name or ISO code: one, or one after another into a list (`adds`).
import type { Schemas } from '../api/client';
import { $api } from '../api/queries';
import type { Option } from './combobox';
import { Picker } from './picker';

export type Country = Schemas['Country'];

const searchCountries = (q: string) =>
  $api.queryOptions('get', '/api/v1/countries', { params: { query: { q, page: 1, pageSize: 8 } } }, { select: (page) => page.items });

const describeCountry = (c: Country): Option => ({ key: c.id, label: c.name, detail: c.code });

export interface CountryPickerProps {
  label: string;
  value: Country | null;
  onChange: (country: Country | null) => void;
  error?: string;
  disabled?: boolean;
  /** Each pick is added to a list shown elsewhere (value stays null): see Picker. */
  adds?: boolean;
}

export function CountryPicker({ label, value, onChange, error, disabled, adds }: CountryPickerProps) {
  return (
    <Picker
      label={label}
      value={value}
      onChange={onChange}
      suggest={searchCountries}
      describe={describeCountry}
      error={error}
      disabled={disabled}
      adds={adds}
      placeholder="Type a country or its code"
    />
  );
}
