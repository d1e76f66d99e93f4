// Changing my password: the current one, and the new one twice, under the one rule of the service.
import { type FormEvent, useState } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../src/modules/auth/password-rule';
import { $api } from '../../api/queries';
import { Field } from '../../components/field';
import { Done, FormError } from '../../components/states';
import { fieldError, textField } from '../../forms';

export function PasswordForm() {
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
