// The three states every page has besides its content: loading, failed, and nothing to show.
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';

/** What a failure says: the service's problem details, or the error's own message. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'Something went wrong.');

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{notFound ? 'Not found.' : 'Something went wrong.'}</strong> {messageOf(error)}
      </p>
      {retry && !notFound && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** A form's error line, announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {messageOf(error)}
    </p>
  );
}

/** A success line, announced without taking the focus. */
export function Done({ children }: { children: string }) {
  return (
    <p role="status" className="muted flush">
      {children}
    </p>
  );
}
