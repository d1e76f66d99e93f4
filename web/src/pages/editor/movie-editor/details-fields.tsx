// The movie's own facts: title, original title and language, tagline, release date, runtime, budget,
// description, and its director. The text fields stay the form's own (read when it is sent); the
// director is form state. TMDB's release and reception are in release-fields.tsx; the countries
// with the other lists in list-fields.tsx.
import type { MovieDetails, PersonRef } from '../../../api/client';
import { Field } from '../../../components/field';
import { PersonPicker } from '../../../components/person-picker';

export interface DetailsFieldsProps {
  movie: MovieDetails | null;
  /** The service's message for a field of the movie. */
  errorOf: (field: string) => string | undefined;
}

export function DetailsFields({ movie, errorOf }: DetailsFieldsProps) {
  return (
    <>
      <Field label="Title" error={errorOf('title')}>
        {(control) => <input {...control} name="title" required maxLength={300} defaultValue={movie?.title ?? ''} autoFocus={!movie} />}
      </Field>
      <Field label="Original title" hint="As the original release has it, when it differs." error={errorOf('originalTitle')}>
        {(control) => <input {...control} name="originalTitle" maxLength={300} defaultValue={movie?.originalTitle ?? ''} />}
      </Field>
      <Field
        label="Original language"
        hint="The ISO 639-1 code of the original release, in lower case: en, fr, ja (xx for none)."
        error={errorOf('originalLanguage')}
      >
        {(control) => (
          <input
            {...control}
            name="originalLanguage"
            className="input-code"
            minLength={2}
            maxLength={3}
            pattern="[A-Za-z]{2,3}"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            defaultValue={movie?.originalLanguage ?? ''}
          />
        )}
      </Field>
      <Field label="Tagline" error={errorOf('tagline')}>
        {(control) => <input {...control} name="tagline" maxLength={1000} defaultValue={movie?.tagline ?? ''} />}
      </Field>
      <Field label="Release date" error={errorOf('releaseDate')}>
        {(control) => <input {...control} name="releaseDate" type="date" min="0001-01-01" defaultValue={movie?.releaseDate ?? ''} />}
      </Field>
      <Field label="Runtime (minutes)" error={errorOf('durationMinutes')}>
        {(control) => (
          <input
            {...control}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            step={1}
            defaultValue={movie?.durationMinutes ?? ''}
          />
        )}
      </Field>
      <Field label="Budget (US dollars)" error={errorOf('budget')}>
        {(control) => (
          <input
            {...control}
            name="budget"
            type="number"
            inputMode="decimal"
            min={0}
            max={999999999999.99}
            step={0.01}
            defaultValue={movie?.budget ?? ''}
          />
        )}
      </Field>
      <Field label="Description" error={errorOf('description')}>
        {(control) => <textarea {...control} name="description" rows={5} maxLength={10000} defaultValue={movie?.description ?? ''} />}
      </Field>
    </>
  );
}

/** The director, which the form shows after the genres. */
export function DirectorField({
  director,
  onDirector,
  error,
}: {
  director: PersonRef | null;
  onDirector: (director: PersonRef | null) => void;
  error?: string;
}) {
  return <PersonPicker label="Director" value={director} onChange={onDirector} error={error} />;
}
