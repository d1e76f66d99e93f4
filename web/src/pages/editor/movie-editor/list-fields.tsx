// The lists of a movie: its production countries (the first is the main one), spoken languages
// (a select of GET /languages), keywords and production companies (pickers that add one after
// another), each shown as chips in the movie's order, with a button to remove one. The save sends
// each list whole (movie-body.ts).
import type { Dispatch, ReactNode } from 'react';
import { $api } from '../../../api/queries';
import { Field } from '../../../components/field';
import { ErrorState } from '../../../components/states';
import { CountryPicker } from '../../../components/country-picker';
import { CompanyPicker, KeywordPicker } from '../../../components/tag-pickers';
import type { MovieFormAction, MovieFormState } from './form-state';

function Chips<T>({
  label,
  items,
  keyOf,
  name,
  onRemove,
}: {
  label: string;
  items: T[];
  keyOf: (item: T) => string | number;
  name: (item: T) => string;
  onRemove: (item: T) => void;
}) {
  if (items.length === 0) return <p className="muted">None yet.</p>;
  return (
    <ul className="tags chips" aria-label={label}>
      {items.map((item) => (
        <li key={keyOf(item)}>
          {name(item)}
          <button type="button" aria-label={`Remove ${name(item)}`} onClick={() => onRemove(item)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function Group({ legend, hint, error, children }: { legend: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {hint && <p className="muted">{hint}</p>}
      {children}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

export interface ListFieldsProps {
  state: Pick<MovieFormState, 'countries' | 'languages' | 'keywords' | 'companies'>;
  dispatch: Dispatch<MovieFormAction>;
  errorOf: (field: string) => string | undefined;
}

export function ListFields({ state, dispatch, errorOf }: ListFieldsProps) {
  const languages = $api.useQuery('get', '/api/v1/languages', {}, { staleTime: Infinity });
  const { countries, keywords, companies } = state;
  const chosen = state.languages;
  return (
    <fieldset>
      <legend>Countries, languages, keywords and companies</legend>
      <Group
        legend="Production countries"
        hint="The first is the movie's country, shown with its title and used by the country filter."
        error={errorOf('countryIds') ?? errorOf('countryId')}
      >
        <Chips
          label="Production countries"
          items={countries}
          keyOf={(c) => c.id}
          name={(c) => c.name}
          onRemove={(c) => dispatch({ type: 'countries', countries: countries.filter((o) => o.id !== c.id) })}
        />
        <CountryPicker
          label="Add a country"
          value={null}
          adds
          onChange={(c) => {
            if (c && !countries.some((o) => o.id === c.id)) dispatch({ type: 'countries', countries: [...countries, c] });
          }}
        />
      </Group>
      <Group legend="Spoken languages" error={errorOf('languageCodes')}>
        <Chips
          label="Spoken languages"
          items={chosen}
          keyOf={(l) => l.code}
          name={(l) => l.name}
          onRemove={(l) => dispatch({ type: 'languages', languages: chosen.filter((c) => c.code !== l.code) })}
        />
        {languages.isError && <ErrorState error={languages.error} retry={() => void languages.refetch()} />}
        <Field label="Add a spoken language">
          {(control) => (
            <select
              {...control}
              value=""
              onChange={(event) => {
                const language = languages.data?.items.find((l) => l.code === event.target.value);
                if (language && !chosen.some((c) => c.code === language.code))
                  dispatch({ type: 'languages', languages: [...chosen, language] });
              }}
            >
              <option value="">Choose…</option>
              {languages.data?.items
                .filter((l) => !chosen.some((c) => c.code === l.code))
                .map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </Group>
      <Group legend="Keywords" error={errorOf('keywordIds')}>
        <Chips
          label="Keywords"
          items={keywords}
          keyOf={(k) => k.id}
          name={(k) => k.name}
          onRemove={(k) => dispatch({ type: 'keywords', keywords: keywords.filter((c) => c.id !== k.id) })}
        />
        <KeywordPicker
          label="Add a keyword"
          value={null}
          adds
          onChange={(k) => {
            if (k && !keywords.some((c) => c.id === k.id))
              dispatch({ type: 'keywords', keywords: [...keywords, { id: k.id, name: k.name }] });
          }}
        />
      </Group>
      <Group legend="Production companies" error={errorOf('companyIds')}>
        <Chips
          label="Production companies"
          items={companies}
          keyOf={(c) => c.id}
          name={(c) => c.name}
          onRemove={(c) => dispatch({ type: 'companies', companies: companies.filter((o) => o.id !== c.id) })}
        />
        <CompanyPicker
          label="Add a company"
          value={null}
          adds
          onChange={(c) => {
            if (c && !companies.some((o) => o.id === c.id)) dispatch({ type: 'companies', companies: [...companies, c] });
          }}
        />
      </Group>
    </fieldset>
  );
}
