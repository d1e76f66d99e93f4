// My avatar: a picture chosen is previewed, then uploaded; or the avatar removed.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { IMAGE_TYPES, type User, fileUpload } from '../../api/client';
import { $api } from '../../api/queries';
import { Field } from '../../components/field';
import { Picture, initials } from '../../components/picture';
import { Done, FormError } from '../../components/states';
import { fieldError } from '../../forms';
import { useSession } from '../../session';

/** The chosen picture shown before it is sent; its blob: address is freed when replaced. */
function usePreview(file: File | null): string | undefined {
  const [preview, setPreview] = useState<string>();
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(undefined);
    };
  }, [file]);
  return preview;
}

export function AvatarForm({ user }: { user: User }) {
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const preview = usePreview(file);
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
    remove.reset();
    setDone('');
    if (!chosen && inputRef.current) inputRef.current.value = '';
  };
  const saved = (changed: User, message: string) => {
    session.setUser(changed);
    choose(null);
    setDone(message);
  };
  const upload = $api.useMutation('put', '/api/v1/me/avatar', { onSuccess: (changed) => saved(changed, 'Avatar saved.') });
  // The service answers 204: the user is known here, without their avatar now.
  const remove = $api.useMutation('delete', '/api/v1/me/avatar', { onSuccess: () => saved({ ...user, avatar: null }, 'Avatar removed.') });
  const busy = upload.isPending || remove.isPending;
  const error = upload.error ?? remove.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    remove.reset();
    setDone('');
    upload.mutate(fileUpload(file));
  };

  return (
    <section aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">Avatar</h2>
      <form className="form" onSubmit={submit}>
        <div className="avatars">
          <figure>
            <Picture
              image={user.avatar}
              alt={user.avatar ? 'Your avatar' : 'No avatar yet'}
              sizes="92px"
              className="portrait"
              fallback={initials(name)}
            />
            <figcaption className="muted">Now</figcaption>
          </figure>
          {preview && (
            <figure>
              <img src={preview} alt="The chosen picture" className="picture portrait" width={92} height={138} />
              <figcaption className="muted">New</figcaption>
            </figure>
          )}
        </div>
        <Field label="Picture (JPEG, PNG, WebP, AVIF or GIF)" error={fieldError(error, 'file')}>
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              type="file"
              name="file"
              accept={IMAGE_TYPES}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <FormError error={error} />
        {done && <Done>{done}</Done>}
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy || !file}>
            {busy && file ? 'Uploading…' : 'Upload'}
          </button>
          {file && (
            <button type="button" disabled={busy} onClick={() => choose(null)}>
              Cancel
            </button>
          )}
          {user.avatar && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                upload.reset();
                setDone('');
                remove.mutate({});
              }}
            >
              Remove avatar
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
