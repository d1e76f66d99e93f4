// The admin's list of accounts: find them by name or e-mail and role, change a role, delete an
// account. The service keeps at least one admin and says so when asked to drop the last; that
// refusal shows on the row. The search and page live in the address, so Back and links work.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { $api, FAVORITE_COUNTS, invalidate } from '../../api/queries';
import { Field } from '../../components/field';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { longDate } from '../../format';
import { textField } from '../../forms';
import { useSession } from '../../session';
import { useTitle } from '../../use-title';
import { ROLES, type Role, type UsersSearch, parseRole, usersParams, usersSearchOf } from './users-url';

type AdminUser = Schemas['AdminUser'];

const PAGE_SIZE = 20;

export default function UsersPage() {
  useTitle('Users');
  const [params, setParams] = useSearchParams();
  const { q, role, page } = usersSearchOf(params);
  const users = $api.useQuery(
    'get',
    '/api/v1/users',
    { params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(role ? { role } : {}) } } },
    // Rows change in place (a role, a deletion), not in the cache: a later visit reads the list afresh.
    { gcTime: 0 },
  );

  const go = (next: Partial<UsersSearch>) => setParams(usersParams(next));

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    go({ q: textField(form, 'q').trim(), role: parseRole(textField(form, 'role')) });
  };

  // Rows deleted from the page on show: taken out where they stand, so that the other rows keep
  // what is being done in them (a role chosen, a message) and the keyboard keeps its place.
  const [deleted, setDeleted] = useState<{ ids: number[]; last?: string }>({ ids: [] });
  useEffect(() => setDeleted({ ids: [] }), [users.data]);
  const data = users.data && {
    ...users.data,
    items: users.data.items.filter((u) => !deleted.ids.includes(u.id)),
    total: users.data.total - deleted.ids.length,
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const afterDelete = (user: AdminUser) => {
    setDeleted((d) => ({ ids: [...d.ids, user.id], last: user.username }));
    const left = (data?.items ?? []).filter((u) => u.id !== user.id).length;
    // The last row of the page gone: the page before, or the rows that moved up into this one.
    if (left === 0 && page > 1) go({ q, role, page: page - 1 });
    else if (left === 0) void users.refetch();
  };

  return (
    <section>
      <h1>Users</h1>
      {/* Keyed by the address, so that Back shows its own search in the fields. */}
      <form key={`${q}|${role ?? ''}`} className="form users-search" role="search" onSubmit={search}>
        <div className="row row-end">
          <Field label="Username or e-mail" className="grow-2">
            {(control) => <input {...control} name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" />}
          </Field>
          <Field label="Role" className="grow-1">
            {(control) => (
              <select {...control} name="role" defaultValue={role ?? ''}>
                <option value="">Any role</option>
                {ROLES.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">Search</button>
        </div>
      </form>

      {users.isError ? (
        <ErrorState error={users.error} retry={() => void users.refetch()} />
      ) : !data || (data.items.length === 0 && users.isFetching) ? (
        // Not the previous search's rows while the next loads, nor "no users" while the rows that
        // move up into an emptied page come.
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{q || role ? 'No user matches this search.' : 'No users yet.'}</Empty>
      ) : (
        <>
          <p className="muted" role="status" aria-live="polite">
            {deleted.last ? `Deleted ${deleted.last}. ` : ''}
            {data.total} {data.total === 1 ? 'user' : 'users'}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                // Keyed by role too: a reload with a changed role starts the row afresh.
                <UserRow key={`${user.id}-${user.role}`} user={user} onDeleted={() => afterDelete(user)} />
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav aria-label="Pages" className="pager">
              <button type="button" disabled={page <= 1} onClick={() => go({ q, role, page: page - 1 })}>
                ← Previous
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => go({ q, role, page: page + 1 })}>
                Next →
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function UserRow({ user: initial, onDeleted }: { user: AdminUser; onDeleted: () => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const [user, setUser] = useState(initial);
  const [status, setStatus] = useState('');
  // Chosen in the select, saved with its button: arrowing through a closed select must not send
  // a change for every role it passes.
  const [chosen, setChosen] = useState<Role>(initial.role);
  const selectId = useId();
  const isMe = session.user?.id === user.id;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const path = { params: { path: { id: user.id } } };

  const saveRole = $api.useMutation('patch', '/api/v1/users/{id}', {
    onSuccess: (updated) => {
      setUser(updated);
      setChosen(updated.role);
      setStatus(`Now ${updated.role}.`);
      // The app's own idea of who is signed in follows, so that the admin pages close behind them.
      if (isMe && session.user) session.setUser({ ...session.user, role: updated.role });
    },
    // The select shows the stored role again; the refusal (the last admin) says why.
    onError: () => setChosen(user.role),
  });
  const remove = $api.useMutation('delete', '/api/v1/users/{id}', {
    onSuccess: async () => {
      // Their favorites went with them: every count of favorites is read again.
      void invalidate(FAVORITE_COUNTS);
      if (!isMe) return onDeleted();
      await session.signOut().catch(() => undefined);
      void navigate('/', { replace: true });
    },
  });
  const busy = saveRole.isPending || remove.isPending;

  const changeRole = (role: Role) => {
    if (role === user.role) return;
    if (isMe && role !== 'admin' && !confirm(`Give up your own admin role? You will no longer manage users.`)) return setChosen(user.role);
    if (!isMe && role === 'admin' && !confirm(`Make ${user.username} an admin? Admins manage every account, yours included.`)) {
      return setChosen(user.role);
    }
    remove.reset();
    setStatus('');
    saveRole.mutate({ ...path, body: { role } });
  };

  const confirmAndRemove = () => {
    const warning = isMe ? ' This is your own account: you will be signed out.' : '';
    if (!confirm(`Delete the account ${user.username} (${user.email})? Their sessions and favorites go with it.${warning}`)) return;
    saveRole.reset();
    setStatus('');
    remove.mutate(path);
  };

  return (
    <tr>
      <td className="user-cell">
        <strong>{user.username}</strong>
        {isMe && <span className="muted"> (you)</span>}
        <br />
        <span>{user.email}</span>
        {name && (
          <>
            <br />
            <span className="muted">{name}</span>
          </>
        )}
        <br />
        <span className="muted small">
          Joined {longDate(user.createdAt.slice(0, 10))}
          {user.favoriteMovieIds.length > 0 &&
            ` · ${user.favoriteMovieIds.length} ${user.favoriteMovieIds.length === 1 ? 'favorite' : 'favorites'}`}
        </span>
        <FormError error={saveRole.error ?? remove.error} />
      </td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          Role of {user.username}
        </label>
        <select
          id={selectId}
          className="role-select"
          value={chosen}
          disabled={busy}
          onChange={(event) => {
            const role = parseRole(event.target.value);
            if (role) setChosen(role);
          }}
        >
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          disabled={busy || chosen === user.role}
          onClick={() => changeRole(chosen)}
          aria-label={`Save the role of ${user.username}`}
        >
          Save role
        </button>
        <span className="muted small block" role="status" aria-live="polite">
          {status}
        </span>
      </td>
      <td className="row-actions">
        <button type="button" className="danger" disabled={busy} onClick={confirmAndRemove} aria-label={`Delete ${user.username}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
