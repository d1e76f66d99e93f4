import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PersonRef } from '../../api/client';
import { $api } from '../../api/queries';
import { fullName } from '../../format';
import { PersonPicker } from '../person-picker';
import { isPersonId, joinList, splitList } from './url';
import { useFilterUpdate } from './use-filter-update';
import { MatchChoice } from './widgets';

const unnamed = (id: number): PersonRef => ({ id, firstName: 'Person', lastName: `#${id}`, photo: null });

/** The director and the cast: people chosen by name, kept in the address by id. */
export function PeopleFilters() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const director = params.get('director')?.trim() ?? '';
  const cast = splitList(params.get('cast'));
  const [anyChoice, setAnyChoice] = useState(false);
  const any = cast.values.length >= 2 ? cast.any : anyChoice;
  // People picked here are known at once; those only named by id in the address are looked up.
  const [picked, setPicked] = useState<Map<number, PersonRef>>(() => new Map());
  const unknown = [director, ...cast.values]
    .filter(isPersonId)
    .map(Number)
    .filter((id) => !picked.has(id));
  const looked = $api.useQuery(
    'get',
    '/api/v1/persons',
    { params: { query: { ids: unknown.join(','), pageSize: 100 } } },
    { enabled: unknown.length > 0 },
  );
  const person = (id: number): PersonRef => picked.get(id) ?? looked.data?.items.find((p) => p.id === id) ?? unnamed(id);
  const remember = (p: PersonRef) => setPicked((known) => new Map(known).set(p.id, p));
  // Names looked up are kept, so that a later change of the list does not show them as ids again.
  useEffect(() => {
    const found = looked.data?.items ?? [];
    if (found.length) setPicked((known) => new Map([...known, ...found.map((p) => [p.id, p] as const)]));
  }, [looked.data]);

  return (
    <>
      <PersonPicker
        label="Director"
        value={director ? (isPersonId(director) ? person(Number(director)) : { ...unnamed(0), lastName: director }) : null}
        onChange={(p) => {
          if (p) remember(p);
          update({ director: p ? String(p.id) : null });
        }}
      />
      <fieldset className="filter-group">
        <legend>Cast</legend>
        {cast.values.length > 0 && (
          <ul className="tags chips" aria-label="Chosen actors">
            {cast.values.map((value) => {
              const name = isPersonId(value) ? fullName(person(Number(value))) : value;
              return (
                <li key={value}>
                  {name}
                  <button
                    type="button"
                    aria-label={`Remove ${name}`}
                    onClick={() =>
                      update({
                        cast: joinList(
                          cast.values.filter((v) => v !== value),
                          any,
                        ),
                      })
                    }
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {cast.values.length >= 2 && (
          <MatchChoice
            label="Movies with"
            any={any}
            onChange={(value) => {
              setAnyChoice(value);
              update({ cast: joinList(cast.values, value) });
            }}
          />
        )}
        <PersonPicker
          label={cast.values.length > 0 ? 'Add an actor' : 'Actor'}
          value={null}
          adds
          onChange={(p) => {
            if (!p || cast.values.includes(String(p.id))) return;
            remember(p);
            update({ cast: joinList([...cast.values, String(p.id)], any) });
          }}
        />
      </fieldset>
    </>
  );
}
