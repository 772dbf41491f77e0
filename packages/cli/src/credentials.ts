import { DEFAULT_URL, Keysmith } from '@keysmith/sdk';
import { DEFAULT_PROFILE, readProfile } from './profiles.js';

export type GlobalOptions = { apiKey?: string; token?: string; url?: string; profile?: string; output: 'table' | 'json' };

/**
 * The client for a command, with credentials in this order: the `--api-key` / `--token` flag, then KEYSMITH_API_KEY /
 * KEYSMITH_TOKEN, then the profile written by `keysmith login` (`--profile`, else `default`). The URL: `--url`, then
 * KEYSMITH_URL, then the profile's, then http://localhost:4000.
 */
export function clientFor(options: GlobalOptions): Keysmith {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  const profile = readProfile(profileName);
  const url = options.url ?? process.env.KEYSMITH_URL ?? profile?.url ?? DEFAULT_URL;
  if (options.apiKey !== undefined) return new Keysmith({ apiKey: options.apiKey, url });
  if (options.token !== undefined) return new Keysmith({ token: options.token, url });
  // The SDK reads KEYSMITH_API_KEY, then KEYSMITH_TOKEN, itself (and names the variable in its errors).
  if (process.env.KEYSMITH_API_KEY || process.env.KEYSMITH_TOKEN) return new Keysmith({ url });
  if (profile) return new Keysmith({ token: profile.token, url });
  // No credential anywhere: the SDK's error names the variables.
  return new Keysmith({ url });
}
