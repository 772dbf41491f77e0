import { Textarea } from '@mantine/core';
import { entryIssuesFor, type TypedError } from '../ui/errors.tsx';

/** The text of the field → the entries to send (blank lines dropped) and the line number (from 1) of each. */
export function parseAllowlist(text: string): { entries: string[]; lines: number[] } {
  const entries: string[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim()) {
      entries.push(line.trim());
      lines.push(i + 1);
    }
  });
  return { entries, lines };
}

/**
 * "Allowed addresses": one address or CIDR range per line; empty allows any address. The server's issues name an
 * entry by its index in the list sent (`input.ipAllowlist.<index>`); `lines` maps those indexes back to the lines
 * they came from, so each message says which line it is about.
 */
export function AllowlistField({
  value,
  onChange,
  failure,
  lines,
}: {
  value: string;
  onChange: (value: string) => void;
  failure: TypedError | null;
  /** Line numbers of the entries in the request that `failure` answered. */
  lines: number[];
}) {
  const issues = entryIssuesFor(failure, 'ipAllowlist');
  const error = issues.length
    ? issues.map((issue) => (
        <span key={`${issue.index}:${issue.message}`} style={{ display: 'block' }}>
          {issue.index === null ? issue.message : `Line ${lines[issue.index] ?? issue.index + 1}: ${issue.message}`}
        </span>
      ))
    : undefined;
  return (
    <Textarea
      label="Allowed addresses"
      description="IPv4/IPv6 addresses or CIDR ranges, one per line (e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::/32). Empty: any address."
      placeholder="Any address"
      autosize
      minRows={2}
      maxRows={8}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** Whether two allowlists are the same list (an unchanged list is not sent). */
export function sameEntries(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}
