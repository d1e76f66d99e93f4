// Reading form fields: text fields as strings, an empty optional field as undefined.
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function optionalText(form: FormData, name: string): string | undefined {
  return textField(form, name).trim() || undefined;
}
