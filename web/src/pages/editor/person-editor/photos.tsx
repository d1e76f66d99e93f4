// A person's photos in their editor: those chosen for a new person, uploaded after the create, and
// the gallery of one that exists, where each upload, deletion and choice of primary is sent at once.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { IMAGE_TYPES, type PersonDetails, type Schemas, fileUpload } from '../../../api/client';
import { $api, CATALOGUE, invalidate, personDetails, queryClient } from '../../../api/queries';
import { Field } from '../../../components/field';
import { Picture } from '../../../components/picture';
import { Empty, FormError } from '../../../components/states';
import { fullName } from '../../../format';

type PersonPhoto = Schemas['PersonPhoto'];

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
export function NewPhotosField({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  return (
    <div>
      <Field
        label="Photos"
        hint="JPEG, PNG, WebP, AVIF or GIF, up to 10 MB each; uploaded after the person is created, the first one becomes the primary photo."
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept={IMAGE_TYPES}
            multiple
            onChange={(event) => onChange(Array.from(event.target.files ?? []))}
          />
        )}
      </Field>
      <Previews files={files} />
    </div>
  );
}

/** On an existing person: each upload, deletion and choice of primary is sent at once. */
export function PhotoGallery({ person }: { person: PersonDetails }) {
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // One array per file, not per render: the previews make blob addresses when it changes.
  const chosen = useMemo(() => (file ? [file] : []), [file]);
  const name = fullName(person);
  const path = { params: { path: { id: person.id } } };

  /** The gallery shows the cached person: changed in place at once, then read again with the rest. */
  const changed = (update: (photos: PersonPhoto[]) => PersonPhoto[] | PersonDetails, message: string) => {
    queryClient.setQueryData<PersonDetails>(personDetails(person.id).queryKey, (p) => {
      if (!p) return p;
      const next = update(p.photos);
      return Array.isArray(next) ? { ...p, photos: next } : next;
    });
    setStatus(message);
    void invalidate(CATALOGUE);
  };
  const add = $api.useMutation('post', '/api/v1/persons/{id}/photos', {
    onSuccess: (photo) => {
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      changed((photos) => [...photos, photo], photo.isPrimary ? 'Photo added; it is the primary photo.' : 'Photo added.');
    },
  });
  const makePrimary = $api.useMutation('put', '/api/v1/persons/{id}/photo', {
    onSuccess: (updated) => changed(() => updated, 'Primary photo chosen.'),
  });
  const remove = $api.useMutation('delete', '/api/v1/persons/{id}/photos/{photoId}', {
    onSuccess: (_, { params }) => changed((photos) => photos.filter((p) => p.id !== params.path.photoId), 'Photo deleted.'),
  });
  const busy = add.isPending || makePrimary.isPending || remove.isPending;
  const start = () => {
    add.reset();
    makePrimary.reset();
    remove.reset();
    setStatus('');
  };

  const upload = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    start();
    add.mutate({ ...path, ...fileUpload(file) });
  };

  const confirmAndRemove = (photo: PersonPhoto) => {
    const warning = photo.isPrimary ? ' It is the primary photo: they will have none until you choose another.' : '';
    if (!confirm(`Delete this photo of ${name}?${warning}`)) return;
    start();
    remove.mutate({ params: { path: { id: person.id, photoId: photo.id } } });
  };

  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      {person.photos.length === 0 ? (
        <Empty>No photos yet.</Empty>
      ) : (
        <ul className="gallery">
          {person.photos.map((photo, index) => (
            <li key={photo.id} className="gallery-item">
              <Picture image={photo.image} alt={`Photo ${index + 1} of ${name}`} sizes="8rem" className="portrait-large" fallback="" />
              {photo.isPrimary ? (
                <strong>Primary photo</strong>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    start();
                    makePrimary.mutate({ ...path, body: { photoId: photo.id } });
                  }}
                  aria-label={`Make photo ${index + 1} the primary photo`}
                >
                  Make primary
                </button>
              )}
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => confirmAndRemove(photo)}
                aria-label={`Delete photo ${index + 1}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form gallery-upload" onSubmit={upload}>
        <Field label="Add a photo" hint="JPEG, PNG, WebP, AVIF or GIF, up to 10 MB. The first photo becomes the primary one.">
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept={IMAGE_TYPES}
              required
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                start();
              }}
            />
          )}
        </Field>
        <Previews files={chosen} />
        <FormError error={add.error ?? makePrimary.error ?? remove.error} />
        <p className="muted flush" role="status" aria-live="polite">
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
