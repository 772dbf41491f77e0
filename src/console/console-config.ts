import type { Plugin } from 'graphql-yoga';
import { usePublicJson } from '../lib/public-json.ts';
import type { Config } from '../config/config.ts';
import { devSignInEnabled } from './dev-sign-in.ts';

export const CONSOLE_CONFIG_PATH = '/console-config.json';

/** What the console needs to know before anyone signs in: which sign-in to offer, and where the provider is. */
export type ConsoleSettings =
  | { signIn: 'oidc'; oidc: { authority: string; clientId: string; scope: string } }
  | { signIn: 'development' }
  | { signIn: 'unavailable' };

export function consoleSettings(config: Config): ConsoleSettings {
  if (config.consoleOidc) return { signIn: 'oidc', oidc: config.consoleOidc };
  if (devSignInEnabled(config)) return { signIn: 'development' };
  return { signIn: 'unavailable' };
}

/** Serves {@link ConsoleSettings} at `/console-config.json` (public: nothing in it is secret). */
export function useConsoleConfig(config: Config): Plugin {
  return usePublicJson(CONSOLE_CONFIG_PATH, consoleSettings(config));
}
