import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { changedSearch } from './url';

/** Changes some parameters of the address (null or '' removes one), as a new history entry. */
export function useFilterUpdate(): (changes: Record<string, string | null>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes) => {
      // The address as it is now, not as this render saw it: a field's blur and a click can both
      // change it before the page renders again.
      const next = changedSearch(new URLSearchParams(window.location.search), changes);
      if (next) setParams(next);
    },
    [setParams],
  );
}
