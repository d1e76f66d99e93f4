// The header's search: suggestions as you type (movies and people, typos forgiven) in the app's
// combobox, a suggestion opens its page, and Enter without one the full results page.
import { useNavigate, useSearchParams } from 'react-router';
import type { MovieSummary, PersonSummary } from '../api/client';
import { $api } from '../api/queries';
import { fullName, year } from '../format';
import { Combobox, type Option } from './combobox';

interface Suggestion {
  href: string;
  option: Option;
}

const movieSuggestion = (m: MovieSummary): Suggestion => ({
  href: `/movies/${m.id}`,
  option: {
    key: `m${m.id}`,
    label: m.title,
    detail: ['Movie', year(m.releaseDate)].filter(Boolean).join(' · '),
    image: m.poster,
    fallback: '🎬',
  },
});

const personSuggestion = (p: PersonSummary): Suggestion => ({
  href: `/persons/${p.id}`,
  option: {
    key: `p${p.id}`,
    label: fullName(p),
    detail: `Person · ${p.moviesDirected > 0 ? 'Director' : 'Actor'}`,
    image: p.photo,
    fallback: '👤',
  },
});

const suggest = (q: string) =>
  $api.queryOptions(
    'get',
    '/api/v1/search',
    { params: { query: { q, limit: 8 } } },
    // The best answers first, whichever kind (the API ranks both in one order).
    { select: (found) => found.results.map((r) => (r.kind === 'movie' ? movieSuggestion(r) : personSuggestion(r))) },
  );

export function SearchBox() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <Combobox
        label="Search movies and people"
        hideLabel
        listLabel="Suggestions"
        className="search-field"
        type="search"
        placeholder="Search movies and people"
        maxLength={200}
        initialText={params.get('q') ?? ''}
        minLength={2}
        delayMs={150}
        suggest={suggest}
        describe={(s) => s.option}
        onSelect={(s) => void navigate(s.href)}
        onEnter={(text) => {
          if (text) void navigate(`/search?q=${encodeURIComponent(text)}`);
        }}
      />
    </form>
  );
}
