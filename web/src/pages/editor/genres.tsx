// The genres editors keep: add one, rename one, delete one (it leaves every movie it was on).
// Names are unique without regard to case; the service's refusals (409 when taken) show by the field.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type Genre, api, loadAllGenres, unwrap } from '../../api/client';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { textField } from '../../forms';
import { useApi, useTitle } from '../../use-api';

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
    const field = error.fieldError('name');
    return field ? `The name ${field}.` : undefined;
  }
  return error instanceof Error ? error.message : undefined;
}

const byName = (a: Genre, b: Genre) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export default function GenresPage() {
  useTitle('Genres');
  const genres = useApi((signal) => loadAllGenres(signal), []);
  // Kept here after the first load, so that adds, renames and deletions show without a reload.
  const [changed, setChanged] = useState<Genre[]>();
  const list = changed ?? genres.data;
  // From the list as it is when each answer arrives: two changes under way at once both stay.
  const change = (update: (current: Genre[]) => Genre[]) => setChanged((current) => update(current ?? genres.data ?? []));

  return (
    <section style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <h1>Genres</h1>
      <AddGenre onAdded={(genre) => change((current) => [...current, genre].sort(byName))} disabled={!list} />
      <h2>All genres{list ? ` (${list.length})` : ''}</h2>
      {genres.error ? (
        <ErrorState error={genres.error} retry={genres.reload} />
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
                onRenamed={(renamed) => change((current) => current.map((g) => (g.id === renamed.id ? renamed : g)).sort(byName))}
                onDeleted={() => change((current) => current.filter((g) => g.id !== genre.id))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddGenre({ onAdded, disabled }: { onAdded: (genre: Genre) => void; disabled: boolean }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = textField(new FormData(form), 'name').trim();
    setStatus('');
    const problem = nameProblem(name);
    if (problem) {
      setError(new Error(problem));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const genre = await unwrap(api.POST('/api/v1/genres', { body: { name } }));
      onAdded(genre);
      form.reset();
      setStatus(`Added “${genre.name}”.`);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const fieldMessage = nameMessage(error);
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label>
        New genre
        <input
          ref={input}
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          aria-invalid={fieldMessage ? true : undefined}
          aria-describedby={fieldMessage ? errorId : undefined}
        />
        {fieldMessage && (
          <span className="field-error" id={errorId} role="alert">
            {fieldMessage}
          </span>
        )}
      </label>
      {!fieldMessage && <FormError error={error} />}
      <p className="muted" role="status" aria-live="polite" style={{ margin: 0 }}>
        {status}
      </p>
      <div>
        <button type="submit" className="primary" disabled={busy || disabled}>
          {busy ? 'Adding…' : 'Add genre'}
        </button>
      </div>
    </form>
  );
}

function GenreRow({ genre, onRenamed, onDeleted }: { genre: Genre; onRenamed: (genre: Genre) => void; onDeleted: () => void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const errorId = useId();

  // Back where the keyboard was before the rename began, once the button is there again.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    renameButton.current?.focus();
  }, [editing]);

  const stopEditing = () => {
    returnFocus.current = true;
    setEditing(false);
    setError(undefined);
  };

  const rename = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = textField(new FormData(event.currentTarget), 'name').trim();
    if (name === genre.name) {
      stopEditing();
      return;
    }
    const problem = nameProblem(name);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const renamed = await unwrap(api.PATCH('/api/v1/genres/{id}', { params: { path: { id: genre.id } }, body: { name } }));
      setBusy(false);
      stopEditing();
      onRenamed(renamed);
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!confirm(`Delete the genre “${genre.name}”? It leaves every movie it is on.`)) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.DELETE('/api/v1/genres/{id}', { params: { path: { id: genre.id } } }));
      onDeleted();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  if (editing) {
    const fieldMessage = nameMessage(error);
    return (
      <tr>
        <td colSpan={2}>
          <form
            onSubmit={(event) => void rename(event)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') stopEditing();
            }}
            className="form"
            style={{ gap: '0.5rem' }}
          >
            <label>
              New name for {genre.name}
              <input
                name="name"
                required
                maxLength={100}
                autoComplete="off"
                defaultValue={genre.name}
                autoFocus
                aria-invalid={fieldMessage ? true : undefined}
                aria-describedby={fieldMessage ? errorId : undefined}
              />
              {fieldMessage && (
                <span className="field-error" id={errorId} role="alert">
                  {fieldMessage}
                </span>
              )}
            </label>
            {!fieldMessage && <FormError error={error} />}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save'}
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
        {error !== undefined && <FormError error={error} />}
      </td>
      <td style={{ textAlign: 'right' }}>
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '0.5rem', justifyContent: 'flex-end' }}>
          <button type="button" ref={renameButton} disabled={busy} onClick={() => setEditing(true)} aria-label={`Rename ${genre.name}`}>
            Rename
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()} aria-label={`Delete ${genre.name}`}>
            Delete
          </button>
        </span>
      </td>
    </tr>
  );
}
