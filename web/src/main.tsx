// The app's entry: the query cache, the session, the routes (each page its own address), the pages that only
// editors and admins use loaded on demand so that the first load stays small.
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { queryClient } from './api/queries';
import { Layout, RequireRole } from './components/layout';
import HomePage from './pages/home';
import MoviePage from './pages/movie';
import NotFoundPage from './pages/not-found';
import PersonPage from './pages/person';
import SearchPage from './pages/search';
import { SignInPage, SignUpPage } from './pages/sign-in';
import { SessionProvider } from './session';
// The styles by concern, in this order: later files override earlier ones (phone.css the rules
// before it, below 640 px).
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/catalogue.css';
import './styles/phone.css';
import './styles/forms.css';
import './styles/filters.css';
import './styles/editors.css';
import './styles/admin.css';

const DiscoverPage = lazy(() => import('./pages/discover'));
const FavoritesPage = lazy(() => import('./pages/favorites'));
const ProfilePage = lazy(() => import('./pages/profile/page'));
const MovieEditorPage = lazy(() => import('./pages/editor/movie-editor/page'));
const PersonEditorPage = lazy(() => import('./pages/editor/person-editor/page'));
const GenresPage = lazy(() => import('./pages/editor/genres'));
const UsersPage = lazy(() => import('./pages/admin/users'));

function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="discover" element={<DiscoverPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route
          path="movies/new"
          element={
            <RequireRole role="editor">
              <MovieEditorPage />
            </RequireRole>
          }
        />
        <Route path="movies/:id" element={<MoviePage />} />
        <Route
          path="movies/:id/edit"
          element={
            <RequireRole role="editor">
              <MovieEditorPage />
            </RequireRole>
          }
        />
        <Route
          path="persons/new"
          element={
            <RequireRole role="editor">
              <PersonEditorPage />
            </RequireRole>
          }
        />
        <Route path="persons/:id" element={<PersonPage />} />
        <Route
          path="persons/:id/edit"
          element={
            <RequireRole role="editor">
              <PersonEditorPage />
            </RequireRole>
          }
        />
        <Route
          path="genres"
          element={
            <RequireRole role="editor">
              <GenresPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole role="admin">
              <UsersPage />
            </RequireRole>
          }
        />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route
          path="profile"
          element={
            <RequireRole role="user">
              <ProfilePage />
            </RequireRole>
          }
        />
        <Route
          path="favorites"
          element={
            <RequireRole role="user">
              <FavoritesPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
