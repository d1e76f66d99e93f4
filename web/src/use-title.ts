import { useEffect } from 'react';

/** Sets the document title, so that history entries and tabs say which page they are. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · moviedb` : 'moviedb';
  }, [title]);
}
