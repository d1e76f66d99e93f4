// TMDB's facts of the movie's release and reception: its homepage and status, the box office and
// TMDB's popularity, the rating with its votes. Each stays the form's own, read when it is sent
// (movie-body.ts); empty is unknown. The bounds are the service's, so that the browser says most refusals first.
import type { MovieDetails } from '../../../api/client';
import { Field } from '../../../components/field';
import { MOVIE_STATUSES } from './movie-body';

export interface ReleaseFieldsProps {
  movie: MovieDetails | null;
  /** The service's message for a field of the movie. */
  errorOf: (field: string) => string | undefined;
}

export function ReleaseFields({ movie, errorOf }: ReleaseFieldsProps) {
  return (
    <fieldset className="release-fields">
      <legend>Release and reception</legend>
      <Field label="Homepage" className="field-wide" hint="An http:// or https:// address." error={errorOf('homepage')}>
        {(control) => (
          <input
            {...control}
            name="homepage"
            type="url"
            inputMode="url"
            maxLength={2000}
            pattern="https?://.+"
            placeholder="https://"
            defaultValue={movie?.homepage ?? ''}
          />
        )}
      </Field>
      <Field label="Status" error={errorOf('status')}>
        {(control) => (
          <select {...control} name="status" defaultValue={movie?.status ?? ''}>
            <option value="">Unknown</option>
            {MOVIE_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Revenue (US dollars)" hint="Box office." error={errorOf('revenue')}>
        {(control) => (
          <input
            {...control}
            name="revenue"
            type="number"
            inputMode="decimal"
            min={0}
            max={999999999999.99}
            step={0.01}
            defaultValue={movie?.revenue ?? ''}
          />
        )}
      </Field>
      <Field label="Popularity" hint="TMDB’s score." error={errorOf('popularity')}>
        {(control) => (
          <input
            {...control}
            name="popularity"
            type="number"
            inputMode="decimal"
            min={0}
            max={1000000000}
            step="any"
            defaultValue={movie?.popularity ?? ''}
          />
        )}
      </Field>
      <Field label="Rating (0 to 10)" error={errorOf('voteAverage')}>
        {(control) => (
          <input
            {...control}
            name="voteAverage"
            type="number"
            inputMode="decimal"
            min={0}
            max={10}
            step={0.1}
            defaultValue={movie?.voteAverage ?? ''}
          />
        )}
      </Field>
      <Field label="Votes" hint="How many votes the rating is made of." error={errorOf('voteCount')}>
        {(control) => (
          <input
            {...control}
            name="voteCount"
            type="number"
            inputMode="numeric"
            min={0}
            max={2147483647}
            step={1}
            defaultValue={movie?.voteCount ?? ''}
          />
        )}
      </Field>
    </fieldset>
  );
}
