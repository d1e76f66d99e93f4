import { useSearchParams } from 'react-router';
import { Field } from '../field';
import type { SortOption } from './sorts';
import { useFilterUpdate } from './use-filter-update';

export function SortField<S extends string>({ sorts, defaultSort }: { sorts: readonly SortOption<S>[]; defaultSort: S }) {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const q = params.get('q')?.trim();
  // With words to search the service ranks by relevance unless told otherwise.
  const implicit = q ? 'relevance' : defaultSort;
  const value = params.get('sort') ?? implicit;
  const options = sorts.filter((s) => s.value !== 'relevance' || q);
  return (
    <Field label="Sort by">
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => update({ sort: event.target.value === implicit ? null : event.target.value })}
        >
          {options.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
          {/* A sort the address names that this list does not offer: shown, so that the field tells the truth. */}
          {!options.some((s) => s.value === value) && <option value={value}>{value}</option>}
        </select>
      )}
    </Field>
  );
}
