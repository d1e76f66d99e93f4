// My names and e-mail: only what changed goes out, and the fields then show what the service kept.
import { type FormEvent, useRef, useState } from 'react';
import type { User } from '../../api/client';
import { $api } from '../../api/queries';
import { Field } from '../../components/field';
import { Done, FormError } from '../../components/states';
import { fieldError, textField } from '../../forms';
import { useSession } from '../../session';

export function AccountForm({ user }: { user: User }) {
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
