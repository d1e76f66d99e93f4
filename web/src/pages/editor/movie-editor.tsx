// Adding a movie (/movies/new) or changing one (/movies/:id/edit): its facts, country, genres,
// director, poster and cast. The movie is written first; the poster and each character go through
// their own endpoints after it exists, so a failure there leaves the movie saved and says which
// part did not save, and saving again sends only what is still different.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ApiError,
  type Genre,
  type Image,
  type MovieDetails,
  type PersonRef,
  type Schemas,
  api,
  fileUpload,
  loadAllGenres,
  unwrap,
} from '../../api/client';
import { type Country, CountryPicker, PersonPicker } from '../../components/person-picker';
import { Picture } from '../../components/picture';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { optionalText, textField } from '../../forms';
import { useApi, useTitle } from '../../use-api';

type Character = Schemas['Character'];
type Role = Character['role'];

const ROLES: { value: Role; label: string }[] = [
  { value: 'leading', label: 'Leading' },
  { value: 'supporting', label: 'Supporting' },
  { value: 'background', label: 'Background' },
];

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** One line of the cast as the editor shows it; id is null until the character is saved. */
interface CastRow {
  key: string;
  id: number | null;
  name: string;
  role: Role;
  actor: PersonRef | null;
  /** Others credited for the character (a younger self, a stand-in): kept, shown, not edited here. */
  others: PersonRef[];
}

/** A character as the service last stored it: what a save compares against. */
interface Stored {
  name: string | null;
  role: Role;
  billingOrder: number | null;
  actorId: number | null;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

const toRow = (c: Character): CastRow => ({
  key: `c${c.id}`,
  id: c.id,
  name: c.name ?? '',
  role: c.role,
  actor: c.actor,
  others: c.performers.filter((p) => p.id !== c.actor?.id),
});

const toStored = (c: Character): Stored => ({ name: c.name, role: c.role, billingOrder: c.billingOrder, actorId: c.actor?.id ?? null });

/** A number field: empty is null (clears the value); the input's min, max and step did the checking. */
function numberField(form: FormData, name: string): number | null {
  const value = textField(form, name).trim();
  return value === '' ? null : Number(value);
}

/** The service's message for a field, also for messages about one item of a list field (genreIds.2). */
function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldError(field) ?? error.problem?.errors?.find((e) => e.field.startsWith(`${field}.`))?.message;
}

/** A blob: address for a chosen file, given back when the file changes or the page leaves. */
function useObjectUrl(file: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const address = URL.createObjectURL(file);
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [file]);
  return url;
}

/**
 * The multipart body of an upload. openapi-fetch sends a FormData as it is and lets the browser
 * write the Content-Type with its boundary; the schema types the body as {file?: string}, which a
 * FormData is not, so the FormData comes from the serializer rather than through a cast.
 */

interface SaveCastResult {
  rows: CastRow[];
  stored: Map<number, Stored>;
  rowErrors: Record<string, unknown>;
  problems: string[];
}

/**
 * Brings the movie's characters in line with the rows: removed ones deleted, new ones added,
 * changed ones patched, billingOrder the row's place. Goes on past a failure, so that each row
 * gets its own message.
 */
async function saveCast(movieId: number, rows: CastRow[], before: Map<number, Stored>): Promise<SaveCastResult> {
  const stored = new Map(before);
  const rowErrors: Record<string, unknown> = {};
  const problems: string[] = [];
  const kept = new Set(rows.map((r) => r.id));

  for (const [id, character] of before) {
    if (kept.has(id)) continue;
    try {
      await unwrap(api.DELETE('/api/v1/characters/{id}', { params: { path: { id } } }));
      stored.delete(id);
    } catch (reason) {
      if (reason instanceof ApiError && reason.status === 404) stored.delete(id);
      else
        problems.push(`Could not remove ${character.name ?? 'a character'}: ${reason instanceof Error ? reason.message : 'unknown error'}`);
    }
  }

  const saved: CastRow[] = [];
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    const actorId = row.actor?.id ?? null;
    try {
      if (row.id === null) {
        const created = await unwrap(
          api.POST('/api/v1/movies/{id}/characters', {
            params: { path: { id: movieId } },
            body: { name, role: row.role, actorId, billingOrder: index },
          }),
        );
        stored.set(created.id, toStored(created));
        saved.push({ ...toRow(created), key: row.key });
        continue;
      }
      const old = stored.get(row.id);
      if (!old) {
        saved.push(row);
        continue;
      }
      const patch: { name?: string; role?: Role; billingOrder?: number; actorId?: number | null } = {};
      // A character imported without a name keeps none until someone gives it one.
      if (name !== (old.name ?? '') && !(name === '' && old.name === null)) patch.name = name;
      if (row.role !== old.role) patch.role = row.role;
      if (old.billingOrder !== index) patch.billingOrder = index;
      if (actorId !== old.actorId) patch.actorId = actorId;
      if (Object.keys(patch).length === 0) {
        saved.push(row);
        continue;
      }
      const path = { params: { path: { id: row.id } } };
      let character = await unwrap(api.PATCH('/api/v1/characters/{id}', { ...path, body: patch }));
      // A new actor joins the performers; the one replaced would stay listed, so they are dropped.
      // Without a new actor, dropping them is only safe when no one else is left: the service would
      // make the first performer remaining the principal.
      if (patch.actorId !== undefined && old.actorId !== null) {
        const others = character.performers.map((p) => p.id).filter((id) => id !== old.actorId);
        if (actorId !== null || others.length === 0) {
          character = await unwrap(api.PUT('/api/v1/characters/{id}/actors', { ...path, body: { actorIds: others } }));
        }
      }
      stored.set(character.id, toStored(character));
      saved.push({ ...toRow(character), key: row.key });
    } catch (reason) {
      rowErrors[row.key] = reason;
      saved.push(row);
    }
  }
  return { rows: saved, stored, rowErrors, problems };
}

export default function MovieEditorPage() {
  const { id } = useParams();
  const movieId = id === undefined ? null : Number(id);
  const loaded = useApi(
    async (signal) => {
      if (movieId === null) return { movie: null, genres: await loadAllGenres(signal) };
      if (!Number.isInteger(movieId) || movieId < 1) throw new Error('No movie has this address.');
      const [movie, genres] = await Promise.all([
        unwrap(api.GET('/api/v1/movies/{id}', { params: { path: { id: movieId } }, signal })),
        loadAllGenres(signal),
      ]);
      return { movie, genres };
    },
    [movieId],
  );
  const movieTitle = loaded.data?.movie?.title;
  useTitle(movieId === null ? 'New movie' : movieTitle ? `Edit ${movieTitle}` : 'Edit movie');

  if (loaded.error) return <ErrorState error={loaded.error} retry={loaded.reload} />;
  // Loading too while the address changes (from an edit to /movies/new): the old movie must not show.
  if (loaded.loading || !loaded.data) return <Loading />;
  return <MovieForm key={id ?? 'new'} movie={loaded.data.movie} genres={loaded.data.genres} />;
}

function MovieForm({ movie, genres }: { movie: MovieDetails | null; genres: Genre[] }) {
  const navigate = useNavigate();
  // The movie's id once it exists: after a create whose cast failed, saving again patches it.
  const [savedId, setSavedId] = useState<number | null>(movie?.id ?? null);
  const [country, setCountry] = useState<Country | null>(movie?.country ?? null);
  const [director, setDirector] = useState<PersonRef | null>(movie?.director ?? null);
  const [poster, setPoster] = useState<Image | null>(movie?.poster ?? null);
  const [posterFile, setPosterFile] = useState<File | null>(null);
  const [removePoster, setRemovePoster] = useState(false);
  const [cast, setCast] = useState<CastRow[]>(() => movie?.characters.map(toRow) ?? []);
  const [stored, setStored] = useState(() => new Map<number, Stored>(movie?.characters.map((c) => [c.id, toStored(c)])));
  const [error, setError] = useState<unknown>();
  const [posterError, setPosterError] = useState<unknown>();
  const [rowErrors, setRowErrors] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const preview = useObjectUrl(posterFile);
  const creating = savedId === null;

  const fieldError = (field: string) => fieldMessage(error, field);
  const describedBy = (field: string) => (fieldError(field) ? `movie-${field}-error` : undefined);
  const errorLine = (field: string) =>
    fieldError(field) && (
      <span className="field-error" id={`movie-${field}-error`}>
        {fieldError(field)}
      </span>
    );

  const updateRow = (key: string, change: Partial<CastRow>) =>
    setCast((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const moveRow = (index: number, by: -1 | 1) => {
    const moved = cast[index];
    setCast((rows) => {
      const target = index + by;
      const a = rows[index];
      const b = rows[target];
      if (!a || !b) return rows;
      const next = [...rows];
      next[index] = b;
      next[target] = a;
      return next;
    });
    // The keyboard stays on the row that moved: its same button, or the other one when the row
    // reached the top or the bottom.
    if (moved) {
      setTimeout(() => {
        const button = (direction: string) => document.querySelector<HTMLButtonElement>(`[data-move="${moved.key}:${direction}"]`);
        const same = button(by < 0 ? 'up' : 'down');
        (same && !same.disabled ? same : button(by < 0 ? 'down' : 'up'))?.focus();
      });
    }
  };
  const removeRow = (key: string) => {
    setCast((rows) => rows.filter((r) => r.key !== key));
    addButton.current?.focus();
  };
  const addRow = () => {
    const key = newKey();
    setJustAdded(key);
    setCast((rows) => [...rows, { key, id: null, name: '', role: 'supporting', actor: null, others: [] }]);
  };

  const clearFile = () => {
    setPosterFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      title: textField(form, 'title').trim(),
      description: optionalText(form, 'description') ?? null,
      releaseDate: optionalText(form, 'releaseDate') ?? null,
      durationMinutes: numberField(form, 'durationMinutes'),
      budget: numberField(form, 'budget'),
      countryId: country?.id ?? null,
      directorId: director?.id ?? null,
      genreIds: form.getAll('genreIds').map(Number),
    };
    setBusy(true);
    setError(undefined);
    setPosterError(undefined);
    setRowErrors({});

    let movieId = savedId;
    try {
      if (movieId === null) {
        movieId = (await unwrap(api.POST('/api/v1/movies', { body }))).id;
        setSavedId(movieId);
        // The address names the movie that now exists, so that a reload (or Back and Forward) edits
        // it rather than offering to create it a second time. Set past the router, which would
        // otherwise load the page afresh and drop the rows not saved yet.
        window.history.replaceState(window.history.state, '', `/movies/${movieId}/edit`);
      } else {
        await unwrap(api.PATCH('/api/v1/movies/{id}', { params: { path: { id: movieId } }, body }));
      }
    } catch (reason) {
      setError(reason);
      setBusy(false);
      return;
    }

    let complete = true;
    const path = { params: { path: { id: movieId } } };
    try {
      if (posterFile) {
        const updated = await unwrap(api.PUT('/api/v1/movies/{id}/poster', { ...path, ...fileUpload(posterFile) }));
        setPoster(updated.poster);
        clearFile();
      } else if (removePoster && poster) {
        await unwrap(api.DELETE('/api/v1/movies/{id}/poster', path));
        setPoster(null);
        setRemovePoster(false);
      }
    } catch (reason) {
      complete = false;
      setPosterError(reason);
    }

    const result = await saveCast(movieId, cast, stored);
    setCast(result.rows);
    setStored(result.stored);
    setRowErrors(result.rowErrors);
    if (Object.keys(result.rowErrors).length > 0 || result.problems.length > 0) complete = false;

    if (complete) {
      void navigate(`/movies/${movieId}`);
      return;
    }
    const what = savedId === null ? 'The movie was created' : 'The movie’s details were saved';
    setError(new Error(`${what}, but not everything: ${[...result.problems, 'see the messages below'].join('; ')}. Save again to retry.`));
    setBusy(false);
  };

  const remove = async () => {
    if (savedId === null) return;
    const title = movie?.title ?? 'this movie';
    if (!confirm(`Delete “${title}”? Its cast, genre links and favorites go with it. This cannot be undone.`)) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.DELETE('/api/v1/movies/{id}', { params: { path: { id: savedId } } }));
      void navigate('/', { replace: true });
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  const posterMessage = posterError instanceof Error ? posterError.message : undefined;

  return (
    <section style={{ maxWidth: '44rem', margin: '0 auto' }}>
      <h1>{movie ? `Edit “${movie.title}”` : savedId !== null ? 'Edit the new movie' : 'New movie'}</h1>
      {movie && (
        <p>
          <Link to={`/movies/${movie.id}`}>Back to the movie page</Link>
        </p>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {/* Nothing can be edited while a save is under way: its answer replaces the rows. */}
        <fieldset className="fieldset-plain" disabled={busy}>
          <label>
            Title
            <input
              name="title"
              required
              maxLength={300}
              defaultValue={movie?.title ?? ''}
              autoFocus={!movie}
              aria-invalid={fieldError('title') ? true : undefined}
              aria-describedby={describedBy('title')}
            />
            {errorLine('title')}
          </label>
          <label>
            Release date
            <input
              name="releaseDate"
              type="date"
              min="0001-01-01"
              defaultValue={movie?.releaseDate ?? ''}
              aria-invalid={fieldError('releaseDate') ? true : undefined}
              aria-describedby={describedBy('releaseDate')}
            />
            {errorLine('releaseDate')}
          </label>
          <label>
            Runtime (minutes)
            <input
              name="durationMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              step={1}
              defaultValue={movie?.durationMinutes ?? ''}
              aria-invalid={fieldError('durationMinutes') ? true : undefined}
              aria-describedby={describedBy('durationMinutes')}
            />
            {errorLine('durationMinutes')}
          </label>
          <label>
            Budget (US dollars)
            <input
              name="budget"
              type="number"
              inputMode="decimal"
              min={0}
              max={999999999999.99}
              step={0.01}
              defaultValue={movie?.budget ?? ''}
              aria-invalid={fieldError('budget') ? true : undefined}
              aria-describedby={describedBy('budget')}
            />
            {errorLine('budget')}
          </label>
          <label>
            Description
            <textarea
              name="description"
              rows={5}
              maxLength={10000}
              defaultValue={movie?.description ?? ''}
              aria-invalid={fieldError('description') ? true : undefined}
              aria-describedby={describedBy('description')}
            />
            {errorLine('description')}
          </label>
          <CountryPicker label="Country" value={country} onChange={setCountry} error={fieldError('countryId')} />
          <fieldset aria-describedby={describedBy('genreIds')}>
            <legend>Genres</legend>
            {genres.length === 0 ? (
              <p className="muted">
                No genres yet. <Link to="/genres">Add some</Link>.
              </p>
            ) : (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem 1rem' }}>
                {genres.map((g) => (
                  <label key={g.id} style={{ display: 'flex', alignItems: 'center', gap: '0.35rem', fontWeight: 400 }}>
                    <input
                      type="checkbox"
                      name="genreIds"
                      value={g.id}
                      defaultChecked={movie?.genres.some((mg) => mg.id === g.id) ?? false}
                    />
                    {g.name}
                  </label>
                ))}
              </div>
            )}
            {errorLine('genreIds')}
          </fieldset>
          <PersonPicker label="Director" value={director} onChange={setDirector} error={fieldError('directorId')} />

          {/* No legend or group name here: the file input's label alone says "Poster". */}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'flex-start' }}>
            <div style={{ width: '8rem' }}>
              {preview ? (
                <img src={preview} alt="Preview of the new poster" className="picture poster" />
              ) : poster && !removePoster ? (
                <Picture image={poster} alt="Current poster" sizes="8rem" className="poster" fallback="" />
              ) : (
                <p className="muted">{poster ? 'Removed when you save.' : 'No poster yet.'}</p>
              )}
            </div>
            <div style={{ display: 'grid', gap: '0.5rem', flex: '1 1 14rem' }}>
              <label>
                Poster
                <input
                  ref={fileInput}
                  name="poster"
                  type="file"
                  accept={IMAGE_TYPES}
                  aria-describedby={posterMessage ? 'poster-help poster-error' : 'poster-help'}
                  aria-invalid={posterMessage ? true : undefined}
                  onChange={(event) => {
                    setPosterFile(event.target.files?.[0] ?? null);
                    setRemovePoster(false);
                    setPosterError(undefined);
                  }}
                />
              </label>
              <span id="poster-help" className="muted">
                JPEG, PNG, WebP, AVIF or GIF, up to 10 MB; uploaded when you save.
              </span>
              {posterMessage && (
                <span className="field-error" id="poster-error" role="alert">
                  {posterMessage}
                </span>
              )}
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
                {posterFile && (
                  <button type="button" onClick={clearFile}>
                    Do not use this file
                  </button>
                )}
                {/* One button whose words change, so that focus stays on it. */}
                {!posterFile && poster && (
                  <button type="button" className={removePoster ? '' : 'danger'} onClick={() => setRemovePoster((r) => !r)}>
                    {removePoster ? 'Keep the poster' : 'Remove poster'}
                  </button>
                )}
              </div>
            </div>
          </div>

          <fieldset>
            <legend>Cast, in credits order</legend>
            {cast.length === 0 ? (
              <Empty>No cast yet.</Empty>
            ) : (
              <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' }}>
                {cast.map((row, index) => (
                  <li key={row.key}>
                    <CastRowEditor
                      row={row}
                      index={index}
                      count={cast.length}
                      nameRequired={row.id === null || stored.get(row.id)?.name != null}
                      autoFocus={row.key === justAdded}
                      error={rowErrors[row.key]}
                      disabled={busy}
                      onChange={(change) => updateRow(row.key, change)}
                      onMove={(by) => moveRow(index, by)}
                      onRemove={() => removeRow(row.key)}
                    />
                  </li>
                ))}
              </ol>
            )}
            <p style={{ marginBottom: 0 }}>
              <button type="button" ref={addButton} onClick={addRow} disabled={busy}>
                Add character
              </button>
            </p>
          </fieldset>

          <FormError error={error} />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', justifyContent: 'space-between' }}>
            <button type="submit" className="primary" disabled={busy}>
              {creating ? 'Create movie' : 'Save changes'}
            </button>
            {!creating && (
              <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
                Delete movie
              </button>
            )}
          </div>
        </fieldset>
        {busy && <Loading label="Saving…" />}
      </form>
    </section>
  );
}

interface CastRowEditorProps {
  row: CastRow;
  index: number;
  count: number;
  nameRequired: boolean;
  autoFocus: boolean;
  error: unknown;
  disabled: boolean;
  onChange: (change: Partial<CastRow>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function CastRowEditor({ row, index, count, nameRequired, autoFocus, error, disabled, onChange, onMove, onRemove }: CastRowEditorProps) {
  const position = index + 1;
  const prefix = `cast-${row.key}`;
  const nameError = fieldMessage(error, 'name');
  const roleError = fieldMessage(error, 'role');
  const actorError = fieldMessage(error, 'actorId') ?? fieldMessage(error, 'actorIds');
  // What no field shows: a 404, a refused session, the service unreachable.
  const otherError = error && !nameError && !roleError && !actorError ? error : undefined;
  return (
    <fieldset>
      <legend>
        Character {position}
        {row.id === null && <span className="muted"> (new)</span>}
      </legend>
      <div style={{ display: 'grid', gap: '0.6rem' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.6rem' }}>
          <label style={{ flex: '2 1 12rem' }}>
            Character name
            <input
              value={row.name}
              required={nameRequired}
              maxLength={300}
              autoFocus={autoFocus}
              onChange={(event) => onChange({ name: event.target.value })}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${prefix}-name-error` : undefined}
            />
            {nameError && (
              <span className="field-error" id={`${prefix}-name-error`}>
                {nameError}
              </span>
            )}
          </label>
          <label style={{ flex: '1 1 8rem' }}>
            Role
            <select
              value={row.role}
              onChange={(event) => {
                const role = ROLES.find((r) => r.value === event.target.value);
                if (role) onChange({ role: role.value });
              }}
              aria-invalid={roleError ? true : undefined}
              aria-describedby={roleError ? `${prefix}-role-error` : undefined}
            >
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
            {roleError && (
              <span className="field-error" id={`${prefix}-role-error`}>
                {roleError}
              </span>
            )}
          </label>
        </div>
        <PersonPicker label="Actor" value={row.actor} onChange={(actor) => onChange({ actor })} error={actorError} />
        {row.others.length > 0 && (
          <p className="muted" style={{ margin: 0 }}>
            Also played by {row.others.map((p) => `${p.firstName} ${p.lastName}`.trim()).join(', ')}.
          </p>
        )}
        {otherError !== undefined && <FormError error={otherError} />}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          <button
            type="button"
            data-move={`${row.key}:up`}
            onClick={() => onMove(-1)}
            disabled={disabled || index === 0}
            aria-label={`Move character ${position} up`}
          >
            ↑ Up
          </button>
          <button
            type="button"
            data-move={`${row.key}:down`}
            onClick={() => onMove(1)}
            disabled={disabled || index === count - 1}
            aria-label={`Move character ${position} down`}
          >
            ↓ Down
          </button>
          <button type="button" className="danger" onClick={onRemove} disabled={disabled} aria-label={`Remove character ${position}`}>
            Remove
          </button>
        </div>
      </div>
    </fieldset>
  );
}
