import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Genre } from '../../api/client';
import { allGenres } from '../../api/queries';
import { ErrorState, Loading } from '../states';
import { joinList, splitList } from './url';
import { useFilterUpdate } from './use-filter-update';
import { MatchChoice } from './widgets';

/** The address may name a genre by name in any case (the movie page's links) or by id. */
const matches = (genre: Genre, value: string) => value.toLowerCase() === genre.name.toLowerCase() || value === String(genre.id);

/** Every genre as a checkbox, with all of them or any of them. */
export function GenreFilter() {
  const [params] = useSearchParams();
  const update = useFilterUpdate();
  const genres = useQuery(allGenres);
  const chosen = splitList(params.get('genre'));
  // With fewer than two genres the address cannot say all or any: the choice waits here.
  const [anyChoice, setAnyChoice] = useState(false);
  const any = chosen.values.length >= 2 ? chosen.any : anyChoice;

  const toggle = (genre: Genre, on: boolean) => {
    const rest = chosen.values.filter((value) => !matches(genre, value));
    update({ genre: joinList(on ? [...rest, genre.name] : rest, any) });
  };

  return (
    <fieldset className="filter-group filter-wide">
      <legend>Genres</legend>
      {genres.isPending && <Loading label="Loading genres…" />}
      {genres.isError && <ErrorState error={genres.error} retry={() => void genres.refetch()} />}
      {genres.data && (
        <>
          <MatchChoice
            label="Movies with"
            any={any}
            onChange={(value) => {
              setAnyChoice(value);
              if (chosen.values.length >= 2) update({ genre: joinList(chosen.values, value) });
            }}
          />
          <div className="check-grid">
            {genres.data.map((genre) => (
              <label key={genre.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.values.some((value) => matches(genre, value))}
                  onChange={(event) => toggle(genre, event.target.checked)}
                />{' '}
                {genre.name}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
