// My account: my names and e-mail, my avatar, my password, and deleting the account. Each part is
// its own form with its own errors, so that a refused password does not lose an edited name.
import { type FormEvent, type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, type User, api, fileUpload, unwrap } from '../api/client';
import { Picture, initials } from '../components/picture';
import { FormError } from '../components/states';
import { textField } from '../forms';
import { useSession } from '../session';
import { useTitle } from '../use-api';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** A labelled input with the service's message for it underneath. */
function Field({
  label,
  name,
  error,
  ...props
}: { label: string; name: string; error: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = useId();
  return (
    <label>
      {label}
      <input name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...props} />
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** A success line, announced without taking the focus. */
const Done = ({ children }: { children: string }) => (
  <p role="status" className="muted" style={{ margin: 0 }}>
    {children}
  </p>
);

function AccountForm({ user }: { user: User }) {
  const session = useSession();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const username = textField(form, 'username').trim();
    const email = textField(form, 'email').trim();
    // An emptied name is cleared (null), not kept.
    const firstName = textField(form, 'firstName').trim() || null;
    const lastName = textField(form, 'lastName').trim() || null;
    // Only what changed goes out: an unchanged e-mail is never checked against itself.
    const body = {
      ...(username !== user.username && { username }),
      ...(email !== user.email && { email }),
      ...(firstName !== user.firstName && { firstName }),
      ...(lastName !== user.lastName && { lastName }),
    };
    setError(undefined);
    setSaved(false);
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    setBusy(true);
    try {
      const changed = await unwrap(api.PATCH('/api/v1/me', { body }));
      session.setUser(changed);
      // The fields show what the service kept (a username in lower case, say).
      for (const [field, value] of Object.entries({
        username: changed.username,
        email: changed.email,
        firstName: changed.firstName,
        lastName: changed.lastName,
      })) {
        const input = formElement.elements.namedItem(field);
        if (input instanceof HTMLInputElement) input.value = value ?? '';
      }
      setSaved(true);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Your details</h2>
      <form className="form" onSubmit={(event) => void submit(event)} onChange={() => setSaved(false)}>
        <Field
          label="Username"
          name="username"
          defaultValue={user.username}
          error={fieldErrorOf(error, 'username')}
          autoComplete="username"
          required
          minLength={3}
          maxLength={30}
          pattern="[A-Za-z0-9_.\-]+"
          title="3 to 30 letters, digits, _ . or -"
        />
        <Field
          label="E-mail"
          name="email"
          type="email"
          defaultValue={user.email}
          error={fieldErrorOf(error, 'email')}
          autoComplete="email"
          required
          maxLength={254}
        />
        <Field
          label="First name"
          name="firstName"
          defaultValue={user.firstName ?? ''}
          error={fieldErrorOf(error, 'firstName')}
          autoComplete="given-name"
          maxLength={100}
        />
        <Field
          label="Last name"
          name="lastName"
          defaultValue={user.lastName ?? ''}
          error={fieldErrorOf(error, 'lastName')}
          autoComplete="family-name"
          maxLength={100}
        />
        <FormError error={error} />
        {saved && <Done>Saved.</Done>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

function AvatarForm({ user }: { user: User }) {
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;

  // The chosen picture shown before it is sent; its blob: address is freed when replaced.
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(undefined);
    };
  }, [file]);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setError(undefined);
    setDone('');
    if (!chosen && inputRef.current) inputRef.current.value = '';
  };

  const run = async (action: () => Promise<User>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      session.setUser(await action());
      choose(null);
      setDone(message);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    void run(() => unwrap(api.PUT('/api/v1/me/avatar', fileUpload(file))), 'Avatar saved.');
  };

  const remove = () =>
    void run(async () => {
      await unwrap(api.DELETE('/api/v1/me/avatar'));
      return unwrap(api.GET('/api/v1/me'));
    }, 'Avatar removed.');

  const fileError = fieldErrorOf(error, 'file');
  return (
    <section aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">Avatar</h2>
      <form className="form" onSubmit={upload}>
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <figure style={{ margin: 0, textAlign: 'center' }}>
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
            <figure style={{ margin: 0, textAlign: 'center' }}>
              <img src={preview} alt="The chosen picture" className="picture portrait" width={92} height={138} />
              <figcaption className="muted">New</figcaption>
            </figure>
          )}
        </div>
        <label>
          Picture (JPEG, PNG, WebP, AVIF or GIF)
          <input
            ref={inputRef}
            type="file"
            name="file"
            accept={IMAGE_TYPES}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'avatar-file-error' : undefined}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          {fileError && (
            <span className="field-error" id="avatar-file-error">
              {fileError}
            </span>
          )}
        </label>
        <FormError error={error} />
        {done && <Done>{done}</Done>}
        <div style={{ display: 'flex', gap: '0.6rem', flexWrap: 'wrap' }}>
          <button type="submit" className="primary" disabled={busy || !file}>
            {busy && file ? 'Uploading…' : 'Upload'}
          </button>
          {file && (
            <button type="button" disabled={busy} onClick={() => choose(null)}>
              Cancel
            </button>
          )}
          {user.avatar && (
            <button type="button" className="danger" disabled={busy} onClick={remove}>
              Remove avatar
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function PasswordForm() {
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = textField(form, 'currentPassword');
    const newPassword = textField(form, 'newPassword');
    setError(undefined);
    setDone(false);
    setMismatch(newPassword !== textField(form, 'repeatPassword'));
    if (newPassword !== textField(form, 'repeatPassword')) return;
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } }));
      formElement.reset();
      setDone(true);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          error={fieldErrorOf(error, 'currentPassword')}
        />
        <Field
          label="New password (at least 10 characters)"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={256}
          error={fieldErrorOf(error, 'newPassword')}
        />
        <Field
          label="New password again"
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={256}
          error={mismatch ? 'The two new passwords differ.' : undefined}
        />
        <FormError error={error} />
        {done && <Done>Password changed. Your other devices were signed out.</Done>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function DeleteAccount({ user }: { user: User }) {
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!window.confirm(`Delete the account ${user.username} and its favorites? This cannot be undone.`)) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.DELETE('/api/v1/me'));
    } catch (reason) {
      setError(reason);
      setBusy(false);
      return;
    }
    // The service has ended every session; this forgets ours here (the sign-out call it makes
    // finds nothing left to revoke).
    await session.signOut().catch(() => undefined);
    void navigate('/', { replace: true });
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>Your account, your favorites and your avatar go, and every device you are signed in on is signed out.</p>
      <FormError error={error} />
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        {busy ? 'Deleting…' : 'Delete my account'}
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
