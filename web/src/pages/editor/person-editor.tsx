// Adding a person (/persons/new) or changing one (/persons/:id/edit): name, gender, birth date,
// country, biography, and the photo gallery. Photos belong to a person that exists, so on a new
// person the chosen files go up after the create; on an edit each photo action is sent at once.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, type PersonDetails, type Schemas, api, fileUpload, unwrap } from '../../api/client';
import { type Country, CountryPicker } from '../../components/person-picker';
import { Picture } from '../../components/picture';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { fullName } from '../../format';
import { optionalText, textField } from '../../forms';
import { useApi, useTitle } from '../../use-api';

type PersonPhoto = Schemas['PersonPhoto'];
type Gender = PersonDetails['gender'];

const GENDERS: { value: Gender; label: string }[] = [
  { value: 'unknown', label: 'Unknown' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'non_binary', label: 'Non-binary' },
];

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** What the edit page says on arrival, when a create saved the person but not every photo. */
interface ArrivalNotice {
  notice: string;
}

const isNotice = (state: unknown): state is ArrivalNotice =>
  typeof state === 'object' && state !== null && typeof (state as { notice?: unknown }).notice === 'string';

/**
 * The multipart body of an upload. openapi-fetch sends a FormData as it is and lets the browser
 * write the Content-Type with its boundary; the schema types the body as {file?: string}, which a
 * FormData is not, so the FormData comes from the serializer rather than through a cast.
 */

const message = (reason: unknown) => (reason instanceof Error ? reason.message : 'Something went wrong.');

export default function PersonEditorPage() {
  const { id } = useParams();
  const personId = id === undefined ? null : Number(id);
  const loaded = useApi(
    async (signal) => {
      if (personId === null) return null;
      if (!Number.isInteger(personId) || personId < 1) throw new Error('No person has this address.');
      return unwrap(api.GET('/api/v1/persons/{id}', { params: { path: { id: personId } }, signal }));
    },
    [personId],
  );
  const name = loaded.data ? fullName(loaded.data) : undefined;
  useTitle(personId === null ? 'New person' : name ? `Edit ${name}` : 'Edit person');

  if (loaded.error) return <ErrorState error={loaded.error} retry={loaded.reload} />;
  // Loading too while the address changes (from an edit to /persons/new): the old person must not show.
  if (loaded.loading || loaded.data === undefined) return <Loading />;
  return <PersonForm key={id ?? 'new'} person={loaded.data} />;
}

function PersonForm({ person }: { person: PersonDetails | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [country, setCountry] = useState<Country | null>(person?.country ?? null);
  const [newPhotos, setNewPhotos] = useState<File[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Shown once: taken out of the history entry, so that a reload does not bring it back.
  const [notice] = useState(() => (isNotice(location.state) ? location.state.notice : undefined));
  useEffect(() => {
    if (isNotice(location.state)) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const describedBy = (field: string) => (fieldError(field) ? `person-${field}-error` : undefined);
  const errorLine = (field: string) =>
    fieldError(field) && (
      <span className="field-error" id={`person-${field}-error`}>
        {fieldError(field)}
      </span>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const gender = GENDERS.find((g) => g.value === textField(form, 'gender'))?.value ?? 'unknown';
    const body = {
      firstName: textField(form, 'firstName').trim(),
      lastName: textField(form, 'lastName').trim(),
      gender,
      birthDate: optionalText(form, 'birthDate') ?? null,
      biography: optionalText(form, 'biography') ?? null,
      countryId: country?.id ?? null,
    };
    setBusy(true);
    setError(undefined);
    try {
      if (person) {
        await unwrap(api.PATCH('/api/v1/persons/{id}', { params: { path: { id: person.id } }, body }));
        void navigate(`/persons/${person.id}`);
        return;
      }
      const created = await unwrap(api.POST('/api/v1/persons', { body }));
      const failed: string[] = [];
      for (const file of newPhotos) {
        try {
          await unwrap(api.POST('/api/v1/persons/{id}/photos', { params: { path: { id: created.id } }, ...fileUpload(file) }));
        } catch (reason) {
          failed.push(`${file.name}: ${message(reason)}`);
        }
      }
      if (failed.length === 0) {
        void navigate(`/persons/${created.id}`);
        return;
      }
      // The person exists: the rest is done on their edit page, which says what did not upload.
      const state: ArrivalNotice = { notice: `${fullName(created)} was created, but not every photo uploaded (${failed.join('; ')}).` };
      void navigate(`/persons/${created.id}/edit`, { replace: true, state });
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!person) return;
    if (!confirm(`Delete ${fullName(person)}? Their photos go with them. This cannot be undone.`)) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.DELETE('/api/v1/persons/{id}', { params: { path: { id: person.id } } }));
      void navigate('/', { replace: true });
    } catch (reason) {
      // A 409 says they still direct or play in something: its detail says so, shown as it is.
      setError(reason);
      setBusy(false);
    }
  };

  return (
    <section style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <h1>{person ? `Edit ${fullName(person)}` : 'New person'}</h1>
      {person && (
        <p>
          <Link to={`/persons/${person.id}`}>Back to their page</Link>
        </p>
      )}
      {notice && (
        <p className="form-error" role="alert">
          {notice}
        </p>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label>
          First name
          <input
            name="firstName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={person?.firstName ?? ''}
            autoFocus={!person}
            aria-invalid={fieldError('firstName') ? true : undefined}
            aria-describedby={describedBy('firstName')}
          />
          {errorLine('firstName')}
        </label>
        <label>
          Last name (may be empty)
          <input
            name="lastName"
            maxLength={100}
            autoComplete="off"
            defaultValue={person?.lastName ?? ''}
            aria-invalid={fieldError('lastName') ? true : undefined}
            aria-describedby={describedBy('lastName')}
          />
          {errorLine('lastName')}
        </label>
        <label>
          Gender
          <select
            name="gender"
            defaultValue={person?.gender ?? 'unknown'}
            aria-invalid={fieldError('gender') ? true : undefined}
            aria-describedby={describedBy('gender')}
          >
            {GENDERS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
          {errorLine('gender')}
        </label>
        <label>
          Birth date
          <input
            name="birthDate"
            type="date"
            min="0001-01-01"
            defaultValue={person?.birthDate ?? ''}
            aria-invalid={fieldError('birthDate') ? true : undefined}
            aria-describedby={describedBy('birthDate')}
          />
          {errorLine('birthDate')}
        </label>
        <CountryPicker label="Country" value={country} onChange={setCountry} error={fieldError('countryId')} />
        <label>
          Biography
          <textarea
            name="biography"
            rows={6}
            maxLength={20000}
            defaultValue={person?.biography ?? ''}
            aria-invalid={fieldError('biography') ? true : undefined}
            aria-describedby={describedBy('biography')}
          />
          {errorLine('biography')}
        </label>
        {!person && <NewPhotosField files={newPhotos} onChange={setNewPhotos} />}
        <FormError error={error} />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', justifyContent: 'space-between' }}>
          <button type="submit" className="primary" disabled={busy}>
            {person ? 'Save changes' : 'Create person'}
          </button>
          {person && (
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              Delete person
            </button>
          )}
        </div>
        {busy && <Loading label="Saving…" />}
      </form>
      {person && <PhotoGallery person={person} />}
    </section>
  );
}

/** Blob: addresses for chosen files, given back when the files change or the page leaves. */
function useObjectUrls(files: File[]): string[] {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = files.map((file) => URL.createObjectURL(file));
    setUrls(made);
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, [files]);
  return urls;
}

function Previews({ files }: { files: File[] }) {
  const urls = useObjectUrls(files);
  if (urls.length === 0) return null;
  return (
    <ul className="gallery" aria-label="Chosen photos">
      {urls.map((url, index) => (
        <li key={url}>
          <img src={url} alt={`Preview of ${files[index]?.name ?? 'a chosen file'}`} className="picture portrait" />
        </li>
      ))}
    </ul>
  );
}

/** On a new person: photos chosen now, uploaded once the person exists (the first one primary). */
function NewPhotosField({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  return (
    <div className="field">
      <label>
        Photos
        <input
          type="file"
          accept={IMAGE_TYPES}
          multiple
          aria-describedby="new-photos-help"
          onChange={(event) => onChange(Array.from(event.target.files ?? []))}
        />
      </label>
      <span id="new-photos-help" className="muted" style={{ fontWeight: 400 }}>
        JPEG, PNG, WebP, AVIF or GIF, up to 10 MB each; uploaded after the person is created, the first one becomes the primary photo.
      </span>
      <Previews files={files} />
    </div>
  );
}

/** On an existing person: each upload, deletion and choice of primary is sent at once. */
function PhotoGallery({ person }: { person: PersonDetails }) {
  const [photos, setPhotos] = useState<PersonPhoto[]>(person.photos);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // One array per file, not per render: the previews make blob addresses when it changes.
  const chosen = useMemo(() => (file ? [file] : []), [file]);
  const name = fullName(person);
  const path = { params: { path: { id: person.id } } };

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      setStatus(await action());
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    void run(async () => {
      const photo = await unwrap(api.POST('/api/v1/persons/{id}/photos', { ...path, ...fileUpload(file) }));
      setPhotos((list) => [...list, photo]);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      return photo.isPrimary ? 'Photo added; it is the primary photo.' : 'Photo added.';
    });
  };

  const makePrimary = (photo: PersonPhoto) =>
    void run(async () => {
      const updated = await unwrap(api.PUT('/api/v1/persons/{id}/photo', { ...path, body: { photoId: photo.id } }));
      setPhotos(updated.photos);
      return 'Primary photo chosen.';
    });

  const remove = (photo: PersonPhoto) => {
    const warning = photo.isPrimary ? ' It is the primary photo: they will have none until you choose another.' : '';
    if (!confirm(`Delete this photo of ${name}?${warning}`)) return;
    void run(async () => {
      await unwrap(api.DELETE('/api/v1/persons/{id}/photos/{photoId}', { params: { path: { id: person.id, photoId: photo.id } } }));
      setPhotos((list) => list.filter((p) => p.id !== photo.id));
      return 'Photo deleted.';
    });
  };

  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      {photos.length === 0 ? (
        <Empty>No photos yet.</Empty>
      ) : (
        <ul className="gallery">
          {photos.map((photo, index) => (
            <li key={photo.id} style={{ display: 'grid', gap: '0.35rem', alignContent: 'start' }}>
              <Picture image={photo.image} alt={`Photo ${index + 1} of ${name}`} sizes="8rem" className="portrait-large" fallback="" />
              {photo.isPrimary ? (
                <strong>Primary photo</strong>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => makePrimary(photo)}
                  aria-label={`Make photo ${index + 1} the primary photo`}
                >
                  Make primary
                </button>
              )}
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => remove(photo)}
                aria-label={`Delete photo ${index + 1}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={add} style={{ marginTop: '1rem' }}>
        <label>
          Add a photo
          <input
            ref={fileInput}
            type="file"
            accept={IMAGE_TYPES}
            required
            aria-describedby="add-photo-help"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(undefined);
            }}
          />
        </label>
        <span id="add-photo-help" className="muted">
          JPEG, PNG, WebP, AVIF or GIF, up to 10 MB. The first photo becomes the primary one.
        </span>
        <Previews files={chosen} />
        <FormError error={error} />
        <p className="muted" role="status" aria-live="polite" style={{ margin: 0 }}>
          {status}
        </p>
        <div>
          <button type="submit" disabled={busy || !file}>
            {busy ? 'Working…' : 'Upload photo'}
          </button>
        </div>
      </form>
    </section>
  );
}
