// The genres editors keep: add one, rename one, delete one (it leaves every movie it was on).
// Names are unique without regard to case; the service's refusals (409 when taken) show by the field.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { Genre } from '../../api/client';
import { $api, CATALOGUE, allGenres, invalidate, queryClient } from '../../api/queries';
import { Field } from '../../components/field';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { fieldError, textField } from '../../forms';
import { useTitle } from '../../use-title';

/**
 * The service's own rules, checked first so that the message is readable (its 400 quotes a
 * regular expression): genre names separate with "," and "|" in filters, and ids are digits.
 */
function nameProblem(name: string): string | undefined {
  if (!name) return 'Enter a name.';
  if (/[,|]/.test(name)) return 'A genre name cannot hold “,” or “|”: they separate genres in filters.';
  if (/^\d+$/.test(name)) return 'A genre name cannot be only digits: it would read as an id.';
  return undefined;
}

/** The line shown under a name field: the service's message for it, or the whole refusal. */
function nameMessage(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.status === 409) return error.message;
  if (error instanceof ApiError) {
    const field = fieldError(error, 'name');
    return field ? `The name ${field}.` : undefined;
  }
  return error instanceof Error ? error.message : undefined;
}

const byName = (a: Genre, b: Genre) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/**
 * The list every page shares changes in place, so that adds, renames and deletions show without a
 * reload; the movies that name genres are read again when next shown.
 */
function changeGenres(update: (current: Genre[]) => Genre[]) {
  queryClient.setQueryData(allGenres.queryKey, (current) => current && update(current));
  void invalidate(CATALOGUE);
}

export default function GenresPage() {
  useTitle('Genres');
  const genres = useQuery(allGenres);
  const list = genres.data;

  return (
    <section className="editor editor-narrow">
      <h1>Genres</h1>
      <AddGenre onAdded={(genre) => changeGenres((current) => [...current, genre].sort(byName))} disabled={!list} />
      <h2>All genres{list ? ` (${list.length})` : ''}</h2>
      {/* A failed first read only: a later one (after signing in again) keeps the rows and what is typed in them. */}
      {genres.isError && !list ? (
        <ErrorState error={genres.error} retry={() => void genres.refetch()} />
      ) : !list ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty>No genres yet: add the first above.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((genre) => (
              <GenreRow
                key={genre.id}
                genre={genre}
                onRenamed={(renamed) => changeGenres((current) => current.map((g) => (g.id === renamed.id ? renamed : g)).sort(byName))}
                onDeleted={() => changeGenres((current) => current.filter((g) => g.id !== genre.id))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddGenre({ onAdded, disabled }: { onAdded: (genre: Genre) => void; disabled: boolean }) {
  // A name refused before it is sent; the service's refusals come from the mutation.
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const add = $api.useMutation('post', '/api/v1/genres', {
    onSuccess: onAdded,
    onSettled: () => input.current?.focus(),
  });
  const error = problem ? new Error(problem) : add.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = textField(new FormData(form), 'name').trim();
    setStatus('');
    setProblem(nameProblem(name));
    add.reset();
    if (nameProblem(name)) {
      input.current?.focus();
      return;
    }
    add.mutate(
      { body: { name } },
      {
        onSuccess: (genre) => {
          form.reset();
          setStatus(`Added “${genre.name}”.`);
        },
      },
    );
  };

  const message = nameMessage(error);
  return (
    <form className="form" onSubmit={submit}>
      <Field label="New genre" error={message} alert>
        {(control) => <input {...control} ref={input} name="name" required maxLength={100} autoComplete="off" />}
      </Field>
      {!message && <FormError error={error} />}
      <p className="muted flush" role="status" aria-live="polite">
        {status}
      </p>
      <div>
        <button type="submit" className="primary" disabled={add.isPending || disabled}>
          {add.isPending ? 'Adding…' : 'Add genre'}
        </button>
      </div>
    </form>
  );
}

function GenreRow({ genre, onRenamed, onDeleted }: { genre: Genre; onRenamed: (genre: Genre) => void; onDeleted: () => void }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string>();
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const path = { params: { path: { id: genre.id } } };

  const stopEditing = () => {
    returnFocus.current = true;
    setEditing(false);
    setProblem(undefined);
    rename.reset();
  };
  const rename = $api.useMutation('patch', '/api/v1/genres/{id}', {
    onSuccess: (renamed) => {
      stopEditing();
      onRenamed(renamed);
    },
  });
  const remove = $api.useMutation('delete', '/api/v1/genres/{id}', { onSuccess: onDeleted });
  const busy = rename.isPending || remove.isPending;

  // Back where the keyboard was before the rename began, once the button is there again.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    renameButton.current?.focus();
  }, [editing]);

  const submitRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = textField(new FormData(event.currentTarget), 'name').trim();
    if (name === genre.name) {
      stopEditing();
      return;
    }
    setProblem(nameProblem(name));
    rename.reset();
    if (!nameProblem(name)) rename.mutate({ ...path, body: { name } });
  };

  const confirmAndRemove = () => {
    if (!confirm(`Delete the genre “${genre.name}”? It leaves every movie it is on.`)) return;
    remove.mutate(path);
  };

  if (editing) {
    const error = problem ? new Error(problem) : rename.error;
    const message = nameMessage(error);
    return (
      <tr>
        <td colSpan={2}>
          <form
            onSubmit={submitRename}
            onKeyDown={(event) => {
              if (event.key === 'Escape') stopEditing();
            }}
            className="form form-tight"
          >
            <Field label={`New name for ${genre.name}`} error={message} alert>
              {(control) => (
                <input {...control} name="name" required maxLength={100} autoComplete="off" defaultValue={genre.name} autoFocus />
              )}
            </Field>
            {!message && <FormError error={error} />}
            <div className="buttons">
              <button type="submit" className="primary" disabled={busy}>
                {rename.isPending ? 'Saving…' : 'Save'}
              </button>
              <button type="button" onClick={stopEditing} disabled={busy}>
                Cancel
              </button>
            </div>
          </form>
        </td>
      </tr>
    );
  }

  return (
    <tr>
      <td>
        {genre.name}
        <FormError error={remove.error} />
      </td>
      <td className="row-actions">
        <span className="buttons">
          <button type="button" ref={renameButton} disabled={busy} onClick={() => setEditing(true)} aria-label={`Rename ${genre.name}`}>
            Rename
          </button>
          <button type="button" className="danger" disabled={busy} onClick={confirmAndRemove} aria-label={`Delete ${genre.name}`}>
            Delete
          </button>
        </span>
      </td>
    </tr>
  );
}
