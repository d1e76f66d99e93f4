// The frame of every page: a skip link, the header (navigation, search, the account), the page.
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useSession } from '../session';
import { SearchBox } from './search-box';
import { SignInForm } from './sign-in-form';
import { Loading } from './states';

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { user } = session;
  const firstPage = useRef(true);

  // A new page starts from its content, for keyboard and screen reader users alike, unless it put
  // the focus somewhere itself (the sign-in form's first field).
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [location.pathname]);

  const signOut = async () => {
    await session.signOut().catch(() => undefined);
    void navigate('/');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label="moviedb home">
          movie<span>db</span>
        </Link>
        <SearchBox key={location.pathname === '/search' ? 'search' : 'other'} />
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="site-nav" aria-label="Main" className={menuOpen ? 'open' : ''} onClick={() => setMenuOpen(false)}>
          <NavLink to="/discover">Discover</NavLink>
          {user && <NavLink to="/favorites">My favorites</NavLink>}
          {hasRole(user, 'editor') && <NavLink to="/movies/new">New movie</NavLink>}
          {hasRole(user, 'editor') && <NavLink to="/persons/new">New person</NavLink>}
          {hasRole(user, 'editor') && <NavLink to="/genres">Genres</NavLink>}
          {hasRole(user, 'admin') && <NavLink to="/admin/users">Users</NavLink>}
          {session.status === 'anonymous' && <NavLink to="/sign-in">Sign in</NavLink>}
          {session.status === 'anonymous' && <NavLink to="/sign-up">Sign up</NavLink>}
          {user && <NavLink to="/profile">{user.username}</NavLink>}
          {user && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          )}
        </nav>
      </header>
      {session.expired && (
        <p className="banner" role="status">
          Your session ended. <Link to="/sign-in">Sign in again</Link>
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <a href="/docs">API reference</a>
      </footer>
    </>
  );
}

/** Signing in again in place, above a page whose session ended while it was open. */
function SignInAgain() {
  return (
    <section className="sign-in-again" aria-labelledby="sign-in-again-heading">
      <h2 id="sign-in-again-heading">Your session ended</h2>
      <p role="alert">Sign in again to go on: what you typed below is kept.</p>
      <SignInForm submitLabel="Sign in again" />
    </section>
  );
}

/** Shows the page only to users with the role; others are asked to sign in or told they may not. */
export function RequireRole({ role, children }: { role: 'user' | 'editor' | 'admin'; children: React.ReactNode }) {
  const { status, user, expired } = useSession();
  const location = useLocation();
  // A page once shown stays when its session ends under it (revoked elsewhere, say), so that an
  // editor's unsaved form is not lost: it asks to sign in again in place. Same tree either way,
  // so that React keeps the page's state.
  const shown = useRef(false);
  if (shown.current && !user && expired) {
    return (
      <>
        <SignInAgain />
        {children}
      </>
    );
  }
  if (status === 'loading') return <Loading label="Checking your session…" />;
  if (!user) {
    return (
      <section className="narrow">
        <h1>Sign in first</h1>
        <p>
          This page is for signed-in {role === 'user' ? 'users' : `${role}s`}.{' '}
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>Sign in</Link>
        </p>
      </section>
    );
  }
  if (!hasRole(user, role)) {
    return (
      <section className="narrow">
        <h1>Not allowed</h1>
        <p role="alert">
          This page needs the {role} role; you are signed in as {user.role}.
        </p>
      </section>
    );
  }
  shown.current = true;
  return (
    <>
      {null}
      {children}
    </>
  );
}
