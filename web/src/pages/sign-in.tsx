// Signing in and signing up. After either, the user goes back where they came from (?next=).
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { SignInForm } from '../components/sign-in-form';
import { FormError } from '../components/states';
import { optionalText, textField } from '../forms';
import { useSession } from '../session';
import { useTitle } from '../use-api';

/** Only addresses inside the app: never another site (`//evil.example`, `/\\evil.example`...). */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '/';
  try {
    const url = new URL(next, window.location.origin);
    return next.startsWith('/') && url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

export function SignInPage() {
  useTitle('Sign in');
  const navigate = useNavigate();
  const next = useNext();
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInForm submitLabel="Sign in" autoFocus onSignedIn={() => void navigate(next, { replace: true })} />
      <p>
        New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </section>
  );
}

export function SignUpPage() {
  useTitle('Sign up');
  const session = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await session.signUp({
        username: textField(form, 'username').trim(),
        email: textField(form, 'email').trim(),
        password: textField(form, 'password'),
        firstName: optionalText(form, 'firstName'),
        lastName: optionalText(form, 'lastName'),
      });
      void navigate(next, { replace: true });
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <label>
      {label}
      <input
        name={name}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `${name}-error` : undefined}
        {...props}
      />
      {fieldError(name) && (
        <span className="field-error" id={`${name}-error`}>
          {fieldError(name)}
        </span>
      )}
    </label>
  );

  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <form className="form" onSubmit={(event) => void submit(event)}>
        {field('username', 'Username', { autoComplete: 'username', required: true, minLength: 3, maxLength: 30, autoFocus: true })}
        {field('email', 'E-mail', { type: 'email', autoComplete: 'email', required: true, maxLength: 254 })}
        {field('password', 'Password (at least 10 characters)', {
          type: 'password',
          autoComplete: 'new-password',
          required: true,
          minLength: 10,
          maxLength: 256,
        })}
        {field('firstName', 'First name (optional)', { autoComplete: 'given-name', maxLength: 100 })}
        {field('lastName', 'Last name (optional)', { autoComplete: 'family-name', maxLength: 100 })}
        <FormError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Sign up'}
        </button>
      </form>
      <p>
        Have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  );
}
