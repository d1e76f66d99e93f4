// Signing in and signing up. After either, the user goes back where they came from (?next=).
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../src/modules/auth/password-rule';
import { Field } from '../components/field';
import { SignInForm } from '../components/sign-in-form';
import { FormError } from '../components/states';
import { fieldError, optionalText, textField } from '../forms';
import { useSession } from '../session';
import { useTitle } from '../use-title';

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
  const signUp = useMutation({
    mutationFn: (fields: Parameters<typeof session.signUp>[0]) => session.signUp(fields),
    onSuccess: () => void navigate(next, { replace: true }),
  });
  const error = (field: string) => fieldError(signUp.error, field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      username: textField(form, 'username').trim(),
      email: textField(form, 'email').trim(),
      password: textField(form, 'password'),
      firstName: optionalText(form, 'firstName'),
      lastName: optionalText(form, 'lastName'),
    });
  };

  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <form className="form" onSubmit={submit}>
        <Field label="Username" error={error('username')}>
          {(control) => <input {...control} name="username" autoComplete="username" required minLength={3} maxLength={30} autoFocus />}
        </Field>
        <Field label="E-mail" error={error('email')}>
          {(control) => <input {...control} name="email" type="email" autoComplete="email" required maxLength={254} />}
        </Field>
        <Field label={`Password (at least ${PASSWORD_MIN_LENGTH} characters)`} error={error('password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
            />
          )}
        </Field>
        <Field label="First name (optional)" error={error('firstName')}>
          {(control) => <input {...control} name="firstName" autoComplete="given-name" maxLength={100} />}
        </Field>
        <Field label="Last name (optional)" error={error('lastName')}>
          {(control) => <input {...control} name="lastName" autoComplete="family-name" maxLength={100} />}
        </Field>
        <FormError error={signUp.error} />
        <button type="submit" className="primary" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Sign up'}
        </button>
      </form>
      <p>
        Have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  );
}
