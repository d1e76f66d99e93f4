// The sign-in form, on the sign-in page and above a page whose session ended while it was open.
import { type FormEvent, useState } from 'react';
import { textField } from '../forms';
import { useSession } from '../session';
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
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(textField(form, 'login'), textField(form, 'password'));
      onSignedIn?.();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label>
        Username or e-mail
        <input name="login" autoComplete="username" required maxLength={254} autoFocus={autoFocus} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
