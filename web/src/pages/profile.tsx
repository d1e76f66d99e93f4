// My account: my names and e-mail, my avatar, my password, and deleting the account. Each part is
// its own form with its own errors, so that a refused password does not lose an edited name.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../src/modules/auth/password-rule';
import { type User, api, fileUpload, unwrap } from '../api/client';
import { $api } from '../api/queries';
import { Field } from '../components/field';
import { Picture, initials } from '../components/picture';
import { FormError } from '../components/states';
import { fieldError, textField } from '../forms';
import { useSession } from '../session';
import { useTitle } from '../use-title';

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** A success line, announced without taking the focus. */
const Done = ({ children }: { children: string }) => (
  <p role="status" className="muted flush">
    {children}
  </p>
);

function AccountForm({ user }: { user: User }) {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const save = $api.useMutation('patch', '/api/v1/me', {
    onSuccess: (changed) => {
      session.setUser(changed);
      // The fields show what the service kept (a username in lower case, say).
      for (const [field, value] of Object.entries({
        username: changed.username,
        email: changed.email,
        firstName: changed.firstName,
        lastName: changed.lastName,
      })) {
        const input = form.current?.elements.namedItem(field);
        if (input instanceof HTMLInputElement) input.value = value ?? '';
      }
      setSaved(true);
    },
  });
  const error = (field: string) => fieldError(save.error, field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const username = textField(fields, 'username').trim();
    const email = textField(fields, 'email').trim();
    // An emptied name is cleared (null), not kept.
    const firstName = textField(fields, 'firstName').trim() || null;
    const lastName = textField(fields, 'lastName').trim() || null;
    // Only what changed goes out: an unchanged e-mail is never checked against itself.
    const body = {
      ...(username !== user.username && { username }),
      ...(email !== user.email && { email }),
      ...(firstName !== user.firstName && { firstName }),
      ...(lastName !== user.lastName && { lastName }),
    };
    setSaved(false);
    if (Object.keys(body).length === 0) {
      save.reset();
      setSaved(true);
      return;
    }
    save.mutate({ body });
  };

  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Your details</h2>
      <form ref={form} className="form" onSubmit={submit} onChange={() => setSaved(false)}>
        <Field label="Username" error={error('username')} alert>
          {(control) => (
            <input
              {...control}
              name="username"
              defaultValue={user.username}
              autoComplete="username"
              required
              minLength={3}
              maxLength={30}
              pattern="[A-Za-z0-9_.\-]+"
              title="3 to 30 letters, digits, _ . or -"
            />
          )}
        </Field>
        <Field label="E-mail" error={error('email')} alert>
          {(control) => (
            <input {...control} name="email" type="email" defaultValue={user.email} autoComplete="email" required maxLength={254} />
          )}
        </Field>
        <Field label="First name" error={error('firstName')} alert>
          {(control) => (
            <input {...control} name="firstName" defaultValue={user.firstName ?? ''} autoComplete="given-name" maxLength={100} />
          )}
        </Field>
        <Field label="Last name" error={error('lastName')} alert>
          {(control) => (
            <input {...control} name="lastName" defaultValue={user.lastName ?? ''} autoComplete="family-name" maxLength={100} />
          )}
        </Field>
        <FormError error={save.error} />
        {saved && <Done>Saved.</Done>}
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}

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

function AvatarForm({ user }: { user: User }) {
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
  const remove = useMutation({
    mutationFn: async () => {
      await unwrap(api.DELETE('/api/v1/me/avatar'));
      return unwrap(api.GET('/api/v1/me'));
    },
    onSuccess: (changed) => saved(changed, 'Avatar removed.'),
  });
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
                remove.mutate();
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

function PasswordForm() {
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const change = $api.useMutation('post', '/api/v1/me/password');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = textField(form, 'currentPassword');
    const newPassword = textField(form, 'newPassword');
    const differ = newPassword !== textField(form, 'repeatPassword');
    change.reset();
    setDone(false);
    setMismatch(differ);
    if (differ) return;
    change.mutate(
      { body: { currentPassword, newPassword } },
      {
        onSuccess: () => {
          formElement.reset();
          setDone(true);
        },
      },
    );
  };

  const passwordProps = { type: 'password', required: true, maxLength: PASSWORD_MAX_LENGTH } as const;
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form className="form" onSubmit={submit}>
        <Field label="Current password" error={fieldError(change.error, 'currentPassword')} alert>
          {(control) => <input {...control} {...passwordProps} name="currentPassword" autoComplete="current-password" />}
        </Field>
        <Field label={`New password (at least ${PASSWORD_MIN_LENGTH} characters)`} error={fieldError(change.error, 'newPassword')} alert>
          {(control) => (
            <input {...control} {...passwordProps} name="newPassword" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} />
          )}
        </Field>
        <Field label="New password again" error={mismatch ? 'The two new passwords differ.' : undefined} alert>
          {(control) => (
            <input {...control} {...passwordProps} name="repeatPassword" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} />
          )}
        </Field>
        <FormError error={change.error} />
        {done && <Done>Password changed. Your other devices were signed out.</Done>}
        <button type="submit" className="primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function DeleteAccount({ user }: { user: User }) {
  const session = useSession();
  const navigate = useNavigate();
  const remove = $api.useMutation('delete', '/api/v1/me', {
    // The service has ended every session; this forgets ours here (the sign-out call it makes
    // finds nothing left to revoke). The button stays busy until then.
    onSuccess: async () => {
      await session.signOut().catch(() => undefined);
      void navigate('/', { replace: true });
    },
  });

  const confirmAndRemove = () => {
    if (!window.confirm(`Delete the account ${user.username} and its favorites? This cannot be undone.`)) return;
    remove.mutate({});
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>Your account, your favorites and your avatar go, and every device you are signed in on is signed out.</p>
      <FormError error={remove.error} />
      <button type="button" className="danger" disabled={remove.isPending} onClick={confirmAndRemove}>
        {remove.isPending ? 'Deleting…' : 'Delete my account'}
      </button>
    </section>
  );
}

export default function ProfilePage() {
  useTitle('My account');
  const { user } = useSession();
  // The route lets only signed-in users in; after deleting the account there is none for a moment.
  if (!user) return null;
  return (
    <section className="narrow">
      <h1>My account</h1>
      <AccountForm user={user} />
      <AvatarForm user={user} />
      <PasswordForm />
      <DeleteAccount user={user} />
    </section>
  );
}
