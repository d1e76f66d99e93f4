// The filter panel of discover and favorites. Every field changes the address, and the address is
// what the list below shows (see url.ts).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../field';
import { CountryFilter } from './country-filter';
import { CrewFilter, LanguageFilter, RatingFilter } from './fact-filters';
import { GenreFilter } from './genre-filter';
import { PeopleFilters } from './people-filters';
import { SortField } from './sort-field';
import { CompanyFilter, KeywordFilter } from './tag-filters';
import type { SortOption } from './sorts';
import { activeFilterCount, clearedSearch, yearBound, yearOf } from './url';
import { useFilterUpdate } from './use-filter-update';
import { CommitInput, RangeFilter } from './widgets';

export interface MovieFiltersProps<S extends string> {
  /** The sorts this list offers (favorites add the date they were kept). */
  sorts: readonly SortOption<S>[];
  /** The service's default without a text search. */
  defaultSort: S;
}

/** The panel: folded away on small screens, where it would push the movies out of sight. */
export function MovieFilters<S extends string>({ sorts, defaultSort }: MovieFiltersProps<S>) {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 641px)').matches);
  const count = activeFilterCount(params);
  const value = (key: string) => params.get(key)?.trim() ?? '';

  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="filters">
      <summary>Filters{count > 0 && ` (${count} active)`}</summary>
      <div className="form filters-grid">
        <Field label="Title words">
          {(control) => <CommitInput {...control} type="search" value={value('q')} maxLength={200} onCommit={(q) => update({ q })} />}
        </Field>
        <SortField sorts={sorts} defaultSort={defaultSort} />
        <GenreFilter />
        <RangeFilter
          legend="Release year"
          min={1}
          max={9999}
          from={{ label: 'From', value: yearOf(params.get('releasedFrom')), commit: (y) => update({ releasedFrom: yearBound(y, 'from') }) }}
          to={{ label: 'To', value: yearOf(params.get('releasedTo')), commit: (y) => update({ releasedTo: yearBound(y, 'to') }) }}
        />
        <RangeFilter
          legend="Runtime (minutes)"
          min={1}
          max={1440}
          from={{ label: 'Shortest', value: value('minDuration'), commit: (v) => update({ minDuration: v }) }}
          to={{ label: 'Longest', value: value('maxDuration'), commit: (v) => update({ maxDuration: v }) }}
        />
        <RangeFilter
          legend="Budget (US dollars)"
          min={0}
          step={1000}
          from={{ label: 'At least', value: value('minBudget'), commit: (v) => update({ minBudget: v }) }}
          to={{ label: 'At most', value: value('maxBudget'), commit: (v) => update({ maxBudget: v }) }}
        />
        <RatingFilter />
        <CountryFilter />
        <LanguageFilter />
        <PeopleFilters />
        <CrewFilter />
        <KeywordFilter />
        <CompanyFilter />
      </div>
      {(count > 0 || params.has('sort')) && (
        <p>
          <Link to={{ search: clearedSearch(params) }}>Clear filters</Link>
        </p>
      )}
    </details>
  );
}
