// The admin's list of accounts: find them by name or e-mail and role, change a role, delete an
// account. The service keeps at least one admin and says so when asked to drop the last; that
// refusal shows on the row. The search and page live in the address, so Back and links work.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type Schemas, api, unwrap } from '../../api/client';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import { longDate } from '../../format';
import { textField } from '../../forms';
import { useSession } from '../../session';
import { useApi, useTitle } from '../../use-api';

type AdminUser = Schemas['AdminUser'];
type Role = AdminUser['role'];

const PAGE_SIZE = 20;

const ROLES: { value: Role; label: string }[] = [
  { value: 'user', label: 'User' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

const parseRole = (value: string | null): Role | undefined => ROLES.find((r) => r.value === value)?.value;

function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : 1;
}

export default function UsersPage() {
  useTitle('Users');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const role = parseRole(params.get('role'));
  const page = parsePage(params.get('page'));
  const users = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(role ? { role } : {}) } },
          signal,
        }),
      ),
    [q, role, page],
  );

  const go = (next: { q?: string; role?: Role; page?: number }) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.role) search.set('role', next.role);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };

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
    else if (left === 0) users.reload();
  };

  return (
    <section>
      <h1>Users</h1>
      {/* Keyed by the address, so that Back shows its own search in the fields. */}
      <form key={`${q}|${role ?? ''}`} className="form" role="search" onSubmit={search} style={{ maxWidth: '40rem', marginBottom: '1rem' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}>
          <label style={{ flex: '2 1 14rem' }}>
            Username or e-mail
            <input name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" />
          </label>
          <label style={{ flex: '1 1 8rem' }}>
            Role
            <select name="role" defaultValue={role ?? ''}>
              <option value="">Any role</option>
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Search</button>
        </div>
      </form>

      {users.error ? (
        <ErrorState error={users.error} retry={users.reload} />
      ) : !data || users.loading ? (
        // Not the previous search's rows while the next loads: they would read as its answer.
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
            <nav aria-label="Pages" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center', marginTop: '1rem' }}>
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  // Chosen in the select, saved with its button: arrowing through a closed select must not send
  // a change for every role it passes.
  const [chosen, setChosen] = useState<Role>(initial.role);
  const selectId = useId();
  const isMe = session.user?.id === user.id;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');

  const changeRole = async (role: Role) => {
    if (role === user.role) return;
    if (isMe && role !== 'admin' && !confirm(`Give up your own admin role? You will no longer manage users.`)) return setChosen(user.role);
    if (!isMe && role === 'admin' && !confirm(`Make ${user.username} an admin? Admins manage every account, yours included.`)) {
      return setChosen(user.role);
    }
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const updated = await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { role } }));
      setUser(updated);
      setChosen(updated.role);
      setStatus(`Now ${updated.role}.`);
      // The app's own idea of who is signed in follows, so that the admin pages close behind them.
      if (isMe && session.user) session.setUser({ ...session.user, role: updated.role });
    } catch (reason) {
      // The select shows the stored role again; the refusal (the last admin) says why.
      setChosen(user.role);
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const warning = isMe ? ' This is your own account: you will be signed out.' : '';
    if (!confirm(`Delete the account ${user.username} (${user.email})? Their sessions and favorites go with it.${warning}`)) return;
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      await unwrap(api.DELETE('/api/v1/users/{id}', { params: { path: { id: user.id } } }));
      if (isMe) {
        await session.signOut().catch(() => undefined);
        void navigate('/', { replace: true });
        return;
      }
      onDeleted();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  return (
    <tr>
      <td style={{ overflowWrap: 'anywhere' }}>
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
        <span className="muted" style={{ fontSize: '0.85rem' }}>
          Joined {longDate(user.createdAt.slice(0, 10))}
          {user.favoriteMovieIds.length > 0 &&
            ` · ${user.favoriteMovieIds.length} ${user.favoriteMovieIds.length === 1 ? 'favorite' : 'favorites'}`}
        </span>
        <FormError error={error} />
      </td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          Role of {user.username}
        </label>
        <select
          id={selectId}
          value={chosen}
          disabled={busy}
          onChange={(event) => {
            const role = parseRole(event.target.value);
            if (role) setChosen(role);
          }}
          style={{ font: 'inherit', padding: '0.35rem 0.4rem', borderRadius: '8px', border: '1px solid var(--line)' }}
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
          onClick={() => void changeRole(chosen)}
          aria-label={`Save the role of ${user.username}`}
        >
          Save role
        </button>
        <span className="muted" role="status" aria-live="polite" style={{ display: 'block', fontSize: '0.85rem' }}>
          {status}
        </span>
      </td>
      <td style={{ textAlign: 'right' }}>
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()} aria-label={`Delete ${user.username}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
