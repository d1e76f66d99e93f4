// The sign-in form, on the sign-in page and above a page whose session ended while it was open.
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { PASSWORD_MAX_LENGTH } from '../../../src/modules/auth/password-rule';
import { textField } from '../forms';
import { useSession } from '../session';
import { Field } from './field';
import { FormError } from './states';

export function SignInForm({
  onSignedIn,
  submitLabel,
  autoFocus = false,
}: {
  onSignedIn?: () => void;
  submitLabel: string;
  autoFocus?: boolean;
}) {
  const session = useSession();
  const signIn = useMutation({
    mutationFn: ({ login, password }: { login: string; password: string }) => session.signIn(login, password),
    onSuccess: () => onSignedIn?.(),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ login: textField(form, 'login'), password: textField(form, 'password') });
  };

  return (
    <form className="form" onSubmit={submit}>
      <Field label="Username or e-mail">
        {(control) => <input {...control} name="login" autoComplete="username" required maxLength={254} autoFocus={autoFocus} />}
      </Field>
      <Field label="Password">
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX_LENGTH} />
        )}
      </Field>
      <FormError error={signIn.error} />
      <button type="submit" className="primary" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
