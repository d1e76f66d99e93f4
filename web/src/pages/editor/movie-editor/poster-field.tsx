// The poster: the one stored, or a preview of the file chosen to replace it (uploaded when the form
// is saved), and removing it.
import { type Dispatch, useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/field';
import { Picture } from '../../../components/picture';
import { messageOf } from '../../../components/states';
import type { MovieFormAction, MovieFormState } from './form-state';
import { IMAGE_TYPES } from '../../../api/client';

/** A blob: address for a chosen file, given back when the file changes or the page leaves. */
function useObjectUrl(file: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const address = URL.createObjectURL(file);
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [file]);
  return url;
}

export interface PosterFieldProps {
  state: Pick<MovieFormState, 'poster' | 'posterFile' | 'removePoster' | 'posterError'>;
  dispatch: Dispatch<MovieFormAction>;
}

export function PosterField({ state, dispatch }: PosterFieldProps) {
  const { poster, posterFile, removePoster, posterError } = state;
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useObjectUrl(posterFile);
  // The input lets go of its file when the form does (saved, or not to be used).
  useEffect(() => {
    if (!posterFile && fileInput.current) fileInput.current.value = '';
  }, [posterFile]);

  // No legend or group name here: the file input's label alone says "Poster".
  return (
    <div className="poster-edit">
      <div className="poster-edit-picture">
        {preview ? (
          <img src={preview} alt="Preview of the new poster" className="picture poster" />
        ) : poster && !removePoster ? (
          <Picture image={poster} alt="Current poster" sizes="8rem" className="poster" fallback="" />
        ) : (
          <p className="muted">{poster ? 'Removed when you save.' : 'No poster yet.'}</p>
        )}
      </div>
      <div className="poster-edit-fields">
        <Field
          label="Poster"
          hint="JPEG, PNG, WebP, AVIF or GIF, up to 10 MB; uploaded when you save."
          error={posterError === undefined ? undefined : messageOf(posterError)}
          alert
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              name="poster"
              type="file"
              accept={IMAGE_TYPES}
              onChange={(event) => dispatch({ type: 'posterFile', file: event.target.files?.[0] ?? null })}
            />
          )}
        </Field>
        <div className="buttons">
          {posterFile && (
            <button type="button" onClick={() => dispatch({ type: 'posterFile', file: null })}>
              Do not use this file
            </button>
          )}
          {/* One button whose words change, so that focus stays on it. */}
          {!posterFile && poster && (
            <button type="button" className={removePoster ? '' : 'danger'} onClick={() => dispatch({ type: 'toggleRemovePoster' })}>
              {removePoster ? 'Keep the poster' : 'Remove poster'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
