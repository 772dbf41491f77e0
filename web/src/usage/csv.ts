/**
 * RFC 4180 CSV: every field quoted when it holds a comma, a quote or a line break (quotes doubled). A field that a
 * spreadsheet would read as a formula (=, +, -, @ first: a key's name is anybody's text) is prefixed with a quote
 * character, the OWASP advice against CSV injection.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
