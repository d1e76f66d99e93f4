// The header's search: suggestions as you type (movies and people, typos forgiven), a listbox the
// arrow keys move through, and Enter for the full results page.
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, type MovieSummary, type PersonSummary, unwrap } from '../api/client';
import { fullName, year } from '../format';
import { Picture } from './picture';

interface Suggestion {
  key: string;
  href: string;
  label: string;
  detail: string;
  kind: 'Movie' | 'Person';
  item: MovieSummary | PersonSummary;
}

export function SearchBox() {
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    // A short pause, so that fast typing sends one request rather than one per key.
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/v1/search', { params: { query: { q, limit: 5 } }, signal: controller.signal })).then(
        (found) => {
          setSuggestions([
            ...found.movies.map((m) => ({
              key: `m${m.id}`,
              href: `/movies/${m.id}`,
              label: m.title,
              detail: year(m.releaseDate),
              kind: 'Movie' as const,
              item: m,
            })),
            ...found.persons.map((p) => ({
              key: `p${p.id}`,
              href: `/persons/${p.id}`,
              label: fullName(p),
              detail: p.moviesDirected > 0 ? 'Director' : 'Actor',
              kind: 'Person' as const,
              item: p,
            })),
          ]);
          setActive(-1);
          // Only for someone typing: not for the box the results page fills in.
          setOpen(document.activeElement === inputRef.current);
        },
        () => setSuggestions([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const go = (href: string) => {
    setOpen(false);
    void navigate(href);
  };

  const showList = open && suggestions.length > 0;
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Escape' && showList) {
      // Closes the suggestions only; a second Escape clears the box, as search boxes do.
      event.preventDefault();
      setOpen(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = open ? suggestions[active] : undefined;
      if (chosen) go(chosen.href);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    }
  };

  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search movies and people
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        placeholder="Search movies and people"
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" aria-label="Suggestions">
          {suggestions.map((s, index) => (
            <li
              key={s.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : ''}
              onMouseDown={(event) => {
                event.preventDefault();
                go(s.href);
              }}
            >
              <Picture
                image={'poster' in s.item ? s.item.poster : s.item.photo}
                alt=""
                sizes="40px"
                className="thumb"
                fallback={s.kind === 'Movie' ? '🎬' : '👤'}
              />
              <span>
                <span className="suggestion-label">{s.label}</span>
                <span className="suggestion-detail">
                  {s.kind}
                  {s.detail ? ` · ${s.detail}` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
