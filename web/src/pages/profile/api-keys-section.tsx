// My API keys, for apps that speak TMDB's API: the list (a prefix, dates, revoked or not), a form
// that makes one and shows it once, and a revoke button on each live key.
import { type FormEvent, useRef, useState } from 'react';
import { $api, invalidate } from '../../api/queries';
import { Field } from '../../components/field';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { fieldError, textField } from '../../forms';
import { type ApiKey, keyTime, liveFirst, shownPrefix } from './api-keys';
import { NewApiKey } from './new-api-key';

const KEYS = ['/api/v1/me/api-keys'] as const;

function CreateApiKey({ onCreated }: { onCreated: (created: { name: string; key: string }) => void }) {
  const create = $api.useMutation('post', '/api/v1/me/api-keys');
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(
      { body: { name: textField(new FormData(form), 'name').trim() } },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
          void invalidate(KEYS);
        },
        onError: () => input.current?.focus(),
      },
    );
  };

  const nameError = fieldError(create.error, 'name');
  return (
    <form className="form" onSubmit={submit}>
      <Field label="Name of a new key" hint="The app that will use it, say: Radarr, Kodi." error={nameError} alert>
        {(control) => <input {...control} ref={input} name="name" required maxLength={100} pattern=".*\S.*" autoComplete="off" />}
      </Field>
      {!nameError && <FormError error={create.error} />}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const revoke = $api.useMutation('delete', '/api/v1/me/api-keys/{id}', { onSuccess: () => invalidate(KEYS) });
  const confirmAndRevoke = () => {
    if (!window.confirm(`Revoke the key “${apiKey.name}” (${shownPrefix(apiKey)})? Apps that use it stop working at once.`)) return;
    revoke.mutate({ params: { path: { id: apiKey.id } } });
  };
  return (
    <tr>
      <td>
        {apiKey.name}
        <code className="block muted">{shownPrefix(apiKey)}</code>
      </td>
      <td>{keyTime(apiKey.createdAt)}</td>
      <td>{keyTime(apiKey.lastUsedAt)}</td>
      <td>
        {apiKey.revokedAt ? (
          keyTime(apiKey.revokedAt)
        ) : (
          <button
            type="button"
            className="danger"
            disabled={revoke.isPending}
            onClick={confirmAndRevoke}
            aria-label={`Revoke ${apiKey.name}`}
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke'}
          </button>
        )}
        <FormError error={revoke.error} />
      </td>
    </tr>
  );
}

export function ApiKeysSection() {
  const keys = $api.useQuery('get', '/api/v1/me/api-keys');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const list = keys.data && liveFirst(keys.data.items);

  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p>
        Apps that speak TMDB’s API can use moviedb with a key of yours: they send it as <code>api_key</code> in the query, or as{' '}
        <code>Authorization: Bearer</code>, on moviedb’s <code>/3</code> addresses.
      </p>
      {created ? <NewApiKey created={created} onDismiss={() => setCreated(null)} /> : <CreateApiKey onCreated={setCreated} />}
      {keys.isError && !list ? (
        <ErrorState error={keys.error} retry={() => void keys.refetch()} />
      ) : !list ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty>No API keys yet.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoked</th>
            </tr>
          </thead>
          <tbody>
            {list.map((apiKey) => (
              <ApiKeyRow key={apiKey.id} apiKey={apiKey} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
