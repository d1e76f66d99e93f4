// Reading form fields (text fields as strings, an empty optional field as undefined) and finding the
// service's message for one field in a refusal.
import { ApiError } from './api/api-error.js';

export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function optionalText(form: FormData, name: string): string | undefined {
  return textField(form, name).trim() || undefined;
}

/**
 * The service's message for a field of the body, also one about an item of a list field
 * (genreIds.2 for genreIds). Anything but a refusal naming the field has none.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`))?.message;
}
