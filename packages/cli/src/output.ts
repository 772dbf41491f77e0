import Table from 'cli-table3';
import pc from 'picocolors';
import yoctoSpinner from 'yocto-spinner';

/**
 * Everything the CLI prints: results on stdout (a table, or with `--output json` nothing but JSON), messages and
 * errors on stderr. Colours and the spinner only on a terminal, and no colour at all when NO_COLOR is set.
 */
export type Format = 'table' | 'json';

const noColor = () => process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
export const colors = (stream: NodeJS.WriteStream) => pc.createColors(Boolean(stream.isTTY) && !noColor());

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(head: string[], rows: (string | number | boolean | null | undefined)[][]): void {
  if (rows.length === 0) {
    process.stderr.write('(none)\n');
    return;
  }
  const c = colors(process.stdout);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))));
  process.stdout.write(`${table.toString().split('\n').map((line) => line.trimEnd()).join('\n')}\n`);
}

/** `label: value` lines for one object. */
export function printFields(fields: [string, string | number | boolean | null | undefined][]): void {
  const c = colors(process.stdout);
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) process.stdout.write(`${c.dim(label.padEnd(width))}  ${value === null || value === undefined ? '-' : String(value)}\n`);
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printError(line: string): void {
  const c = colors(process.stderr);
  process.stderr.write(`${c.red('Error:')} ${line}\n`);
}

/** Runs `work` with a spinner on stderr when it is a terminal (and the output is for people). */
export async function withSpinner<T>(text: string, format: Format, work: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY || format === 'json') return work();
  const spinner = yoctoSpinner({ text, stream: process.stderr, color: noColor() ? undefined : 'cyan' }).start();
  try {
    return await work();
  } finally {
    spinner.stop();
  }
}
