import { DEFAULT_URL, Keysmith } from '@keysmith/sdk';
import { CliFailure, EXIT } from './exit-codes.js';
import { DEFAULT_PROFILE, readProfile, saveProfile, type Profile } from './profiles.js';
import { renew, RenewalFailed } from './provider-sign-in.js';

export type GlobalOptions = { apiKey?: string; token?: string; url?: string; profile?: string; output: 'table' | 'json' };

/** A token this close to its expiry is renewed first, so that it does not run out in the middle of a command. */
const RENEW_BEFORE_MS = 10_000;

/**
 * The client for a command, with credentials in this order: the `--api-key` / `--token` flag, then KEYSMITH_API_KEY /
 * KEYSMITH_TOKEN, then the profile written by `keysmith login` (`--profile`, else `default`). The URL: `--url`, then
 * KEYSMITH_URL, then the profile's, then http://localhost:4000.
 */
export async function clientFor(options: GlobalOptions): Promise<Keysmith> {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  const profile = readProfile(profileName);
  const url = options.url ?? process.env.KEYSMITH_URL ?? profile?.url ?? DEFAULT_URL;
  if (options.apiKey !== undefined) return new Keysmith({ apiKey: options.apiKey, url });
  if (options.token !== undefined) return new Keysmith({ token: options.token, url });
  // The SDK reads KEYSMITH_API_KEY, then KEYSMITH_TOKEN, itself (and names the variable in its errors).
  if (process.env.KEYSMITH_API_KEY || process.env.KEYSMITH_TOKEN) return new Keysmith({ url });
  if (profile) return new Keysmith({ token: await currentToken(profileName, profile), url });
  // No credential anywhere: the SDK's error names the variables.
  return new Keysmith({ url });
}

const expiring = (profile: Profile) => profile.expiresAt !== undefined && Date.parse(profile.expiresAt) - Date.now() < RENEW_BEFORE_MS;

/**
 * The profile's access token, renewed first with its refresh token when it has expired or is about to (device
 * sign-in); the renewed tokens are saved. A profile without a refresh token keeps its token: the server says when it
 * has expired.
 */
async function currentToken(name: string, profile: Profile): Promise<string> {
  if (!profile.refreshToken || !profile.provider || !expiring(profile)) return profile.token;
  const again = `run \`keysmith login${name === DEFAULT_PROFILE ? '' : ` --profile ${name}`}\` again`;
  try {
    const renewed = await renew(profile.provider, profile.refreshToken);
    saveProfile(name, { ...profile, token: renewed.accessToken, refreshToken: renewed.refreshToken, expiresAt: renewed.expiresAt, savedAt: new Date().toISOString() });
    return renewed.accessToken;
  } catch (error) {
    if (!(error instanceof RenewalFailed)) throw error;
    // Another keysmith process may have renewed it first (a provider that rotates refresh tokens refuses the old one).
    const latest = readProfile(name);
    if (latest && latest.refreshToken !== profile.refreshToken && !expiring(latest)) return latest.token;
    if (error.grantEnded) throw new CliFailure(`Your sign-in has ended and could not be renewed (${error.message}): ${again}`, EXIT.UNAUTHENTICATED);
    throw new CliFailure(`Your sign-in needs renewing, and the identity provider could not be reached (${error.message}): check the network, or ${again}`, EXIT.UNEXPECTED);
  }
}
