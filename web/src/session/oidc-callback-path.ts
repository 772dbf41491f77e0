// Where the identity provider sends the browser back. Its own module: the app shell recognises the callback without
// loading oidc-client-ts, and oidc.ts and the callback screen share it without importing each other.
export const OIDC_CALLBACK_PATH = '/oidc-callback';
