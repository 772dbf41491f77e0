import { KeysmithError, type KeysmithErrorCode } from '@keysmith/sdk';

/** The exit codes, as documented in `keysmith --help` and the README. */
export const EXIT = {
  OK: 0,
  UNEXPECTED: 1,
  USAGE: 2,
  UNAUTHENTICATED: 3,
  FORBIDDEN: 4,
  NOT_FOUND: 5,
  INVALID: 6,
  LIMITED: 7,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  unexpected error (server error, server unreachable)
  2  usage error (unknown command or option, bad argument)
  3  not signed in, or the key or token is malformed or refused
  4  forbidden: the credential lacks a permission
  5  not found
  6  invalid input or conflict
  7  rate limited or upgrade required`;

const BY_CODE: Record<KeysmithErrorCode, number> = {
  UNAUTHENTICATED: EXIT.UNAUTHENTICATED,
  FORBIDDEN: EXIT.FORBIDDEN,
  NOT_FOUND: EXIT.NOT_FOUND,
  VALIDATION: EXIT.INVALID,
  CONFLICT: EXIT.INVALID,
  UPGRADE_REQUIRED: EXIT.LIMITED,
  RATE_LIMITED: EXIT.LIMITED,
  UNAVAILABLE: EXIT.UNEXPECTED,
  NETWORK: EXIT.UNEXPECTED,
  CONFIGURATION: EXIT.USAGE,
  INTERNAL: EXIT.UNEXPECTED,
};

/** A mistake in how the command was called (exit 2), raised by the CLI itself. */
export class UsageError extends Error {}

/** A failure the CLI words itself (its message is the whole line: what happened and what to do), with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof CliFailure) return error.exitCode;
  if (error instanceof KeysmithError) return BY_CODE[error.code] ?? EXIT.UNEXPECTED;
  return EXIT.UNEXPECTED;
}

/** What to do about an error, in a few words, to follow its message on the same line. */
function hint(error: KeysmithError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      if (error.reason === 'MISSING_CREDENTIALS') return 'pass --api-key, set KEYSMITH_API_KEY, or run `keysmith login`';
      if (error.reason === 'MALFORMED_KEY') return 'copy the key again (the console shows it once; rotate the key if it is lost)';
      if (error.reason === 'TOKEN_EXPIRED') return 'run `keysmith login` again';
      return 'the key or token was refused (revoked, expired, deleted or mistyped): use another key, or run `keysmith login` again';
    case 'FORBIDDEN':
      if (error.reason === 'ADDRESS_NOT_ALLOWED') return "use the key from an address on its allowlist, or change the key's allowed addresses in the console";
      return error.permission
        ? `grant ${error.permission} to the key in the console (Edit → Permissions), or use a credential that holds it`
        : 'use a credential that may do this';
    case 'NOT_FOUND':
      return 'check the id or slug (the `list` commands show them)';
    case 'VALIDATION': {
      const issues = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).filter((text) => !error.message.includes(text));
      return issues.length ? issues.join('; ') : 'nothing was changed; check the arguments';
    }
    case 'CONFLICT':
      return 'nothing was changed';
    case 'RATE_LIMITED':
      return error.retryAfterSeconds !== null ? `try again in ${error.retryAfterSeconds} s` : 'try again shortly';
    case 'UPGRADE_REQUIRED':
      return "the organization's plan does not include this: ask a platform operator to upgrade it";
    case 'UNAVAILABLE':
      return error.retryAfterSeconds !== null ? `the server is busy or starting: try again in ${error.retryAfterSeconds} s` : 'the server is busy or starting: try again shortly';
    case 'NETWORK':
      return 'is the server running? check --url or KEYSMITH_URL';
    case 'CONFIGURATION':
      return 'check the options';
    case 'INTERNAL':
      return 'the server failed: report it with the request id';
  }
}

/** The one line printed on stderr for a failure: what happened and what to do. Never contains a credential. */
export function errorLine(error: unknown): string {
  if (error instanceof UsageError) return `${error.message} (see --help)`;
  if (error instanceof CliFailure) return error.message;
  if (error instanceof KeysmithError) {
    const message = error.message.replace(/[.\s]+$/, '');
    const request = error.requestId ? ` [request ${error.requestId}]` : '';
    return `${message}: ${hint(error)}${request}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message}`;
}
