import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import type { ProviderRef } from './provider-sign-in.js';

/**
 * Named sign-in profiles in the user's config directory (`$XDG_CONFIG_HOME/keysmith/profiles.json` on Linux,
 * `~/Library/Preferences/keysmith` on macOS, `%APPDATA%\keysmith\Config` on Windows). The file is mode 0600 in a
 * 0700 directory and holds only what `keysmith login` wrote: the server URL and the person's own token (after a device
 * sign-in also their refresh token, when the provider gave one, when the access token expires, and the provider that
 * renews it). API keys are never written here.
 */
export type Profile = {
  url: string;
  token: string;
  subject?: string;
  savedAt: string;
  refreshToken?: string;
  expiresAt?: string;
  provider?: ProviderRef;
};
type ProfilesFile = { profiles: Record<string, Profile> };

export const DEFAULT_PROFILE = 'default';

export function profilesPath(): string {
  return path.join(envPaths('keysmith', { suffix: '' }).config, 'profiles.json');
}

function read(): ProfilesFile {
  let text: string;
  try {
    text = fs.readFileSync(profilesPath(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as ProfilesFile;
    return parsed && typeof parsed.profiles === 'object' && parsed.profiles ? parsed : { profiles: {} };
  } catch {
    throw new Error(`${profilesPath()} is not valid JSON: delete it and run \`keysmith login\` again`);
  }
}

function write(file: ProfilesFile): void {
  const target = profilesPath();
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  // Written to a private temporary file and renamed, so the token is never readable by others, not even briefly.
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, target);
}

export function readProfile(name: string): Profile | null {
  return read().profiles[name] ?? null;
}

export function saveProfile(name: string, profile: Profile): void {
  const file = read();
  file.profiles[name] = profile;
  write(file);
}

/** Removes a profile; false when there was none of that name. */
export function removeProfile(name: string): boolean {
  const file = read();
  if (!file.profiles[name]) return false;
  delete file.profiles[name];
  write(file);
  return true;
}
