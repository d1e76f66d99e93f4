// A key just made, shown this once: the service keeps only its hash. A copy button puts it on the
// clipboard (or, where the page may not use the clipboard, selects it for the reader to copy).
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/field';

interface Created {
  name: string;
  key: string;
}

async function copy(input: HTMLInputElement, text: string): Promise<boolean> {
  try {
    // Only a secure context (https, localhost) has the clipboard API.
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: fall back to the selection below.
  }
  input.focus();
  input.select();
  return document.execCommand('copy');
}

export function NewApiKey({ created, onDismiss }: { created: Created; onDismiss: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  // The key in hand at once, selected (onFocus), for the keyboard and for a copy by hand.
  useEffect(() => input.current?.focus(), []);

  return (
    <div role="group" aria-labelledby="new-api-key-heading">
      <h3 id="new-api-key-heading">Your new key “{created.name}”</h3>
      <p>
        <strong>Copy it now: it will not be shown again.</strong> moviedb keeps only a fingerprint of it; if you lose it, revoke it and make
        another.
      </p>
      <div className="form">
        <Field label="API key">
          {(control) => (
            <input
              {...control}
              ref={input}
              value={created.key}
              readOnly
              spellCheck={false}
              autoComplete="off"
              onFocus={(e) => e.target.select()}
            />
          )}
        </Field>
        <div className="buttons">
          <button
            type="button"
            className="primary"
            onClick={() => {
              if (!input.current) return;
              void copy(input.current, created.key).then((done) => setCopied(done ? 'Copied.' : 'Select the key and copy it.'));
            }}
          >
            Copy key
          </button>
          <button type="button" onClick={onDismiss}>
            Done
          </button>
        </div>
        <p className="muted flush" role="status" aria-live="polite">
          {copied}
        </p>
      </div>
    </div>
  );
}
