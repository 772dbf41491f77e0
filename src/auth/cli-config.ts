import type { Plugin } from 'graphql-yoga';
import { usePublicJson } from '../lib/public-json.ts';
import type { Config } from '../config/config.ts';

export const CLI_CONFIG_PATH = '/cli-config.json';

/**
 * What `keysmith login` needs before anyone signs in: the identity provider (its issuer, whose
 * `/.well-known/openid-configuration` the CLI reads), the CLI's public client id there, the scopes and the API's
 * resource indicator. Nothing in it is secret. `oidc: null`: no provider sign-in for the CLI (it falls back to the
 * development sign-in or a pasted token).
 */
export type CliSettings = { oidc: { issuer: string; clientId: string; scope: string; resource: string | null } | null };

export function cliSettings(config: Config): CliSettings {
  return { oidc: config.cliOidc };
}

/** Serves {@link CliSettings} at `/cli-config.json`. */
export function useCliConfig(config: Config): Plugin {
  return usePublicJson(CLI_CONFIG_PATH, cliSettings(config));
}
