import * as z from 'zod/mini';
import type { CognitoAuth } from './config.ts';

/**
 * Sign-in to the staff API. On AWS: OAuth 2.0 authorization code with PKCE against the user
 * pool's managed login (a public client: no secret in the page); the ID token is what the API's
 * JWT authorizer verifies. Locally: a demo token picked from a list. Either way the token lives
 * in sessionStorage (this tab only, gone when it closes) and only until it expires.
 */

/** The part of sessionStorage the session uses (a fake in tests). */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const TOKEN_KEY = 'huduma.staffApi.token';
const PENDING_KEY = 'huduma.staffApi.pkce';
/** A demo token has no expiry of its own; keep it for a working day. */
const LOCAL_TOKEN_MS = 12 * 3_600_000;
/** Treat a token as expired a little early, so a request never leaves with one about to lapse. */
const SKEW_MS = 30_000;

const StoredToken = z.object({ token: z.string().check(z.minLength(1)), expiresAt: z.number() });
const Pending = z.object({
  state: z.string().check(z.minLength(1)),
  verifier: z.string().check(z.minLength(43)),
});
const TokenResponse = z.object({ id_token: z.string().check(z.minLength(1)) });
const IdClaims = z.object({
  exp: z.number(),
  'cognito:username': z.optional(z.string()),
  'cognito:groups': z.optional(z.array(z.string())),
});

const readJson = <S extends z.ZodMiniType>(storage: SessionStore, key: string, schema: S) => {
  try {
    const parsed = schema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
    return parsed.success ? (parsed.data as z.infer<S>) : undefined;
  } catch {
    return undefined;
  }
};

export const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const randomString = (bytes: number): string =>
  base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 code challenge for a verifier (RFC 7636). */
export const pkceChallenge = async (verifier: string): Promise<string> =>
  base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );

/** The desktop's own address, as registered as the app client's callback and sign-out URL. */
export const desktopRedirectUri = ({ origin, pathname }: { origin: string; pathname: string }) =>
  // CDK registers the bare origin (https://d…cloudfront.net): the root page has no path.
  pathname === '/' ? origin : `${origin}${pathname}`;

const endpoint = (domain: string, path: string) => `${domain.replace(/\/+$/, '')}${path}`;

export const authorizeUrl = (
  auth: CognitoAuth,
  { redirectUri, state, challenge }: { redirectUri: string; state: string; challenge: string },
): string =>
  `${endpoint(auth.domain, '/oauth2/authorize')}?${new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })}`;

/** The token exchange: a form POST, with the verifier instead of a client secret. */
const tokenRequest = (
  auth: CognitoAuth,
  { code, verifier, redirectUri }: { code: string; verifier: string; redirectUri: string },
): { url: string; init: RequestInit } => ({
  url: endpoint(auth.domain, '/oauth2/token'),
  init: {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).toString(),
  },
});

export const logoutUrl = (auth: CognitoAuth, redirectUri: string): string =>
  `${endpoint(auth.domain, '/logout')}?${new URLSearchParams({
    client_id: auth.clientId,
    logout_uri: redirectUri,
  })}`;

/** The claims of a JWT, unverified: the API verifies; the desktop only reads the expiry and name. */
export const idTokenClaims = (token: string) => {
  const payload = token.split('.')[1] ?? '';
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const parsed = IdClaims.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** The signed-in token of this tab, if any and unexpired. */
export const createSession = (storage: SessionStore, now: () => number = Date.now) => ({
  token(): string | undefined {
    const stored = readJson(storage, TOKEN_KEY, StoredToken);
    if (stored && stored.expiresAt - SKEW_MS > now()) return stored.token;
    if (stored) storage.removeItem(TOKEN_KEY);
    return undefined;
  },
  /** Keeps a Cognito ID token until its `exp`; refuses one that cannot be read. */
  storeIdToken(token: string): void {
    const claims = idTokenClaims(token);
    if (!claims) throw new Error('The sign-in returned an unreadable ID token');
    storage.setItem(TOKEN_KEY, JSON.stringify({ token, expiresAt: claims.exp * 1000 }));
  },
  storeLocalToken(token: string): void {
    storage.setItem(TOKEN_KEY, JSON.stringify({ token, expiresAt: now() + LOCAL_TOKEN_MS }));
  },
  clear(): void {
    storage.removeItem(TOKEN_KEY);
    storage.removeItem(PENDING_KEY);
  },
});
export type Session = ReturnType<typeof createSession>;

/** Remembers a fresh state and verifier, and returns the managed login page to go to. */
export const beginCognitoSignIn = async (
  auth: CognitoAuth,
  storage: SessionStore,
  redirectUri: string,
): Promise<string> => {
  const pending = { state: randomString(16), verifier: randomString(48) };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizeUrl(auth, {
    redirectUri,
    state: pending.state,
    challenge: await pkceChallenge(pending.verifier),
  });
};

/**
 * Finishes a sign-in when the page was opened by the managed login's redirect (`?code&state`):
 * checks the state against the one this tab sent (no forged redirects), exchanges the code and
 * keeps the ID token. Returns false when the page was not a sign-in redirect.
 */
export const completeCognitoSignIn = async (
  auth: CognitoAuth,
  {
    params,
    storage,
    session,
    redirectUri,
    fetch: send = globalThis.fetch.bind(globalThis),
  }: {
    readonly params: URLSearchParams;
    readonly storage: SessionStore;
    readonly session: Session;
    readonly redirectUri: string;
    readonly fetch?: typeof fetch;
  },
): Promise<boolean> => {
  const error = params.get('error');
  const code = params.get('code');
  if (!code && !error) return false;
  const pending = readJson(storage, PENDING_KEY, Pending);
  storage.removeItem(PENDING_KEY);
  if (error) throw new Error(`Sign-in refused: ${params.get('error_description') ?? error}`);
  if (!pending || pending.state !== params.get('state'))
    throw new Error('Sign-in answer does not match the request from this tab: sign in again');
  const { url, init } = tokenRequest(auth, {
    code: code ?? '',
    verifier: pending.verifier,
    redirectUri,
  });
  const response = await send(url, init);
  if (!response.ok)
    throw new Error(`Sign-in failed: the token endpoint answered ${response.status}`);
  const tokens = TokenResponse.safeParse(await response.json().catch(() => undefined));
  if (!tokens.success) throw new Error('Sign-in failed: no ID token in the answer');
  session.storeIdToken(tokens.data.id_token);
  return true;
};
