import type { Plugin } from 'graphql-yoga';
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
  const body = JSON.stringify(consoleSettings(config));
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== CONSOLE_CONFIG_PATH) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
      }
      return endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
        }),
      );
    },
  };
}
