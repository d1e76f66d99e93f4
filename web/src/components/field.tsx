// One form field: its label, the control (an input, a textarea, a select, a combobox), a hint and
// the service's message for it. The control gets the attributes that tie it to all three.
import { type ReactNode, useId } from 'react';

/** What the control must carry: its id (the label points at it), the hint and error, its state. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** Renders the control with the attributes given. */
  children: (control: ControlProps) => ReactNode;
  hint?: ReactNode;
  /** The service's message for this field. */
  error?: string;
  /** Announce the message as it appears: for a form where it is the only one. */
  alert?: boolean;
  /** The label stays for screen readers only (the header's search box). */
  hideLabel?: boolean;
  /** The control's id, when something else needs to know it; the label's is `${id}-label`. */
  id?: string;
  className?: string;
}

export function Field({ label, children, hint, error, alert = false, hideLabel = false, id: givenId, className }: FieldProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} id={`${id}-label`} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId} role={alert ? 'alert' : undefined}>
          {error}
        </span>
      )}
    </div>
  );
}
