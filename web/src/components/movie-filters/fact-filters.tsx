// TMDB's facts as filters: a spoken language, a crew member (with a job or in any job), and the
// rating (its average and how many votes it rests on).
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PersonRef } from '../../api/client';
import { $api } from '../../api/queries';
import { Field } from '../field';
import { PersonPicker } from '../person-picker';
import { isPersonId } from './url';
import { useFilterUpdate } from './use-filter-update';
import { CommitInput, RangeFilter } from './widgets';

/** Every spoken language (a couple of hundred: a select), by name. */
export function LanguageFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const value = params.get('language')?.trim() ?? '';
  const languages = $api.useQuery('get', '/api/v1/languages', {}, { staleTime: Infinity });
  const items = languages.data?.items ?? [];
  return (
    <Field label="Spoken language" error={languages.isError ? 'The languages could not be loaded.' : undefined}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => update({ language: event.target.value || null })}>
          <option value="">Any language</option>
          {items.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
          {/* A value the address names that the list does not hold (a list of codes, one not loaded yet): shown as it is. */}
          {value && !items.some((l) => l.code === value) && <option value={value}>{value}</option>}
        </select>
      )}
    </Field>
  );
}

const unnamed = (id: number): PersonRef => ({ id, firstName: 'Person', lastName: `#${id}`, photo: null });

/** A person of the crew, and the job they did (exact, as TMDB names it) if it matters. */
export function CrewFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const crew = params.get('crew')?.trim() ?? '';
  const job = params.get('job')?.trim() ?? '';
  const [picked, setPicked] = useState<PersonRef | null>(null);
  const id = isPersonId(crew) ? Number(crew) : null;
  const known = picked && picked.id === id ? picked : null;
  const looked = $api.useQuery(
    'get',
    '/api/v1/persons',
    { params: { query: { ids: String(id), pageSize: 1 } } },
    { enabled: id !== null && !known, select: (found) => found.items[0] ?? null },
  );
  useEffect(() => {
    if (looked.data) setPicked(looked.data);
  }, [looked.data]);
  let person: PersonRef | null = null;
  if (crew) person = id === null ? { ...unnamed(0), lastName: crew } : (known ?? looked.data ?? unnamed(id));
  return (
    <fieldset className="filter-group">
      <legend>Crew</legend>
      <PersonPicker
        label="Crew member"
        value={person}
        onChange={(p) => {
          setPicked(p);
          // A job alone filters nothing (the service refuses it): it goes with the person.
          update(p ? { crew: String(p.id) } : { crew: null, job: null });
        }}
      />
      <Field label="Job" hint={crew ? 'As TMDB names it: Director, Screenplay, Original Music Composer…' : 'Choose a crew member first.'}>
        {(control) => (
          <CommitInput {...control} type="text" maxLength={200} disabled={!crew && !job} value={job} onCommit={(v) => update({ job: v })} />
        )}
      </Field>
    </fieldset>
  );
}

/** The rating's range, and the votes it must rest on (a 10 from two votes says little). */
export function RatingFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const value = (key: string) => params.get(key)?.trim() ?? '';
  return (
    <RangeFilter
      legend="Rating (0 to 10)"
      min={0}
      max={10}
      step={0.1}
      from={{ label: 'At least', value: value('minVoteAverage'), commit: (v) => update({ minVoteAverage: v }) }}
      to={{ label: 'At most', value: value('maxVoteAverage'), commit: (v) => update({ maxVoteAverage: v }) }}
    >
      <Field label="Votes, at least">
        {(control) => (
          <CommitInput
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={value('minVoteCount')}
            onCommit={(v) => update({ minVoteCount: v })}
          />
        )}
      </Field>
    </RangeFilter>
  );
}
