// Keywords and production companies: chosen by name, kept in the address by id (the movie page's
// links name one), with all of them or any of them once there are two.
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { $api } from '../../api/queries';
import { type Company, CompanyPicker, type Keyword, KeywordPicker } from '../tag-pickers';
import { isPersonId as isId, joinList, splitList } from './url';
import { useFilterUpdate } from './use-filter-update';
import { MatchChoice } from './widgets';

interface Named {
  id: number;
  name: string;
}

/** The name of a keyword or company the address names by id, looked up when the filter has not seen it picked. */
type UseName = (id: number, enabled: boolean) => string | undefined;

const useKeywordName: UseName = (id, enabled) =>
  $api.useQuery('get', '/api/v1/keywords/{id}', { params: { path: { id } } }, { enabled }).data?.name;
const useCompanyName: UseName = (id, enabled) =>
  $api.useQuery('get', '/api/v1/companies/{id}', { params: { path: { id } } }, { enabled }).data?.name;

function Chip({
  value,
  known,
  noun,
  useName,
  onRemove,
}: {
  value: string;
  known?: string;
  noun: string;
  useName: UseName;
  onRemove: () => void;
}) {
  const id = isId(value) ? Number(value) : 0;
  const looked = useName(id, id > 0 && known === undefined);
  const name = known ?? looked ?? (id > 0 ? `${noun} #${id}` : value);
  return (
    <li>
      {name}
      <button type="button" aria-label={`Remove ${name}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

interface TagFilterProps<T extends Named> {
  param: 'keyword' | 'company';
  legend: string;
  /** The word for one of them, as a label starts. */
  noun: string;
  useName: UseName;
  picker: (props: { label: string; value: null; adds: true; onChange: (value: T | null) => void }) => ReactNode;
}

function TagFilter<T extends Named>({ param, legend, noun, useName, picker }: TagFilterProps<T>) {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const chosen = splitList(params.get(param));
  const [anyChoice, setAnyChoice] = useState(false);
  const any = chosen.values.length >= 2 ? chosen.any : anyChoice;
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const set = (values: string[], anyOf = any) => update({ [param]: joinList(values, anyOf) });
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {chosen.values.length > 0 && (
        <ul className="tags chips" aria-label={`Chosen ${legend.toLowerCase()}`}>
          {chosen.values.map((value) => (
            <Chip
              key={value}
              value={value}
              known={names.get(value)}
              noun={noun}
              useName={useName}
              onRemove={() => set(chosen.values.filter((v) => v !== value))}
            />
          ))}
        </ul>
      )}
      {chosen.values.length >= 2 && (
        <MatchChoice
          label={`Movies with these ${legend.toLowerCase()}`}
          any={any}
          onChange={(value) => {
            setAnyChoice(value);
            set(chosen.values, value);
          }}
        />
      )}
      {picker({
        label: chosen.values.length > 0 ? `Add a ${noun.toLowerCase()}` : noun,
        value: null,
        adds: true,
        onChange: (picked) => {
          if (!picked || chosen.values.includes(String(picked.id))) return;
          setNames((known) => new Map(known).set(String(picked.id), picked.name));
          set([...chosen.values, String(picked.id)]);
        },
      })}
    </fieldset>
  );
}

export function KeywordFilter() {
  return (
    <TagFilter<Keyword>
      param="keyword"
      legend="Keywords"
      noun="Keyword"
      useName={useKeywordName}
      picker={(props) => <KeywordPicker {...props} />}
    />
  );
}

export function CompanyFilter() {
  return (
    <TagFilter<Company>
      param="company"
      legend="Companies"
      noun="Company"
      useName={useCompanyName}
      picker={(props) => <CompanyPicker {...props} />}
    />
  );
}
