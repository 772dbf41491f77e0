import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Redaction is a second line of defence: the code never passes secrets or the
 * authorization header to the logger in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'keysmith' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'secret', '*.secret', 'secretHash', '*.secretHash'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
