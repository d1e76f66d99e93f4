// The crew of a movie that exists: each credit (a person, their department and job) is added or
// removed at once through its own endpoint, beside the form's save, which does not send the crew.
// It shows the movie as the service has it now, not as the form opened with it.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import type { PersonRef } from '../../../api/client';
import { $api, CATALOGUE, invalidate, movieDetails } from '../../../api/queries';
import { Field } from '../../../components/field';
import { PersonPicker } from '../../../components/person-picker';
import { Empty, ErrorState, FormError, Loading } from '../../../components/states';
import { fieldError } from '../../../forms';
import { fullName } from '../../../format';

/** The service's bound on a job's length. */
const JOB_MAX = 200;

export function CrewEditor({ movieId }: { movieId: number }) {
  const movie = useQuery(movieDetails(movieId));
  const departments = $api.useQuery('get', '/api/v1/departments', {}, { staleTime: Infinity });
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [departmentId, setDepartmentId] = useState('');
  const [job, setJob] = useState('');
  const jobRef = useRef<HTMLInputElement>(null);
  const add = $api.useMutation('post', '/api/v1/movies/{id}/crew', {
    onSuccess: async () => {
      setPerson(null);
      setJob('');
      await invalidate(CATALOGUE);
    },
  });
  const remove = $api.useMutation('delete', '/api/v1/movies/{id}/crew/{creditId}', {
    onSuccess: () => invalidate(CATALOGUE),
  });
  const busy = add.isPending || remove.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person || !departmentId || !job.trim()) return;
    remove.reset();
    add.mutate({ params: { path: { id: movieId } }, body: { personId: person.id, departmentId: Number(departmentId), job: job.trim() } });
  };

  return (
    <section className="editor-part" aria-labelledby="crew-editor-heading">
      <h2 id="crew-editor-heading">Crew</h2>
      <p className="muted">A credit added or removed here is saved at once.</p>
      {movie.isError && !movie.data && <ErrorState error={movie.error} retry={() => void movie.refetch()} />}
      {movie.isPending && <Loading label="Loading the crew…" />}
      {movie.data &&
        (movie.data.crew.length === 0 ? (
          <Empty>No crew yet.</Empty>
        ) : (
          <ul className="crew-rows" aria-label="Crew credits">
            {movie.data.crew.flatMap(({ department, credits }) =>
              credits.map((credit) => {
                const name = fullName(credit.person);
                return (
                  <li key={credit.id}>
                    <span>
                      {name}{' '}
                      <span className="muted">
                        — {credit.job} ({department.name})
                      </span>
                    </span>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      aria-label={`Remove ${name} as ${credit.job}`}
                      onClick={() => {
                        add.reset();
                        remove.mutate({ params: { path: { id: movieId, creditId: credit.id } } });
                      }}
                    >
                      Remove
                    </button>
                  </li>
                );
              }),
            )}
          </ul>
        ))}
      <FormError error={remove.error} />
      <form className="form crew-add" onSubmit={submit} aria-label="Add a crew credit" aria-busy={busy}>
        <fieldset className="fieldset-plain" disabled={busy}>
          <PersonPicker
            label="Crew member"
            value={person}
            onChange={(p) => {
              setPerson(p);
              if (p) setTimeout(() => jobRef.current?.focus());
            }}
            error={fieldError(add.error, 'personId')}
          />
          <Field label="Department" error={fieldError(add.error, 'departmentId')}>
            {(control) => (
              <select {...control} required value={departmentId} onChange={(event) => setDepartmentId(event.target.value)}>
                <option value="">Choose…</option>
                {departments.data?.items.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Job" hint="As TMDB names it: Screenplay, Original Music Composer, Editor…" error={fieldError(add.error, 'job')}>
            {(control) => (
              <input {...control} ref={jobRef} required maxLength={JOB_MAX} value={job} onChange={(event) => setJob(event.target.value)} />
            )}
          </Field>
          {departments.isError && <ErrorState error={departments.error} retry={() => void departments.refetch()} />}
          <FormError error={add.error} />
          <div className="actions">
            <button type="submit" disabled={busy || !person}>
              Add to the crew
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
