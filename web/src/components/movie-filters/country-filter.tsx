import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { $api } from '../../api/queries';
import { type Country, CountryPicker } from '../country-picker';
import { useFilterUpdate } from './use-filter-update';

const sameCode = (country: Country | null, value: string) => country?.code.toLowerCase() === value.toLowerCase();

export function CountryFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const value = params.get('country')?.trim() ?? '';
  // The address holds an ISO code (or an id); the name comes from the countries list, which puts
  // the country whose code it is first.
  const [picked, setPicked] = useState<Country | null>(null);
  const looked = $api.useQuery(
    'get',
    '/api/v1/countries',
    { params: { query: { q: value, page: 1, pageSize: 5 } } },
    {
      enabled: value !== '' && !sameCode(picked, value),
      select: (found) => found.items.find((c) => sameCode(c, value) || String(c.id) === value) ?? null,
    },
  );
  let country: Country | null = null;
  if (value) country = sameCode(picked, value) ? picked : (looked.data ?? { id: 0, code: value, name: value });
  return (
    <CountryPicker
      label="Country"
      value={country}
      onChange={(c) => {
        setPicked(c);
        update({ country: c ? c.code : null });
      }}
    />
  );
}
