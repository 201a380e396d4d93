import { parseDesktopConfig } from '../../agent-desktop/src/config.ts';
import {
  authorizeUrl,
  beginCognitoSignIn,
  completeCognitoSignIn,
  createSession,
  desktopRedirectUri,
  logoutUrl,
  pkceChallenge,
  type SessionStore,
} from '../../agent-desktop/src/sign-in.ts';

const AUTH = {
  kind: 'cognito',
  domain: 'https://huduma-dev-staff.auth.af-south-1.amazoncognito.com',
  clientId: 'client123',
} as const;
const DESKTOP = 'https://d111.cloudfront.net';

const memoryStore = (): SessionStore & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

/** An unsigned JWT with these claims: the desktop reads, never verifies, the ID token. */
const jwt = (claims: object) =>
  ['{"alg":"none"}', JSON.stringify(claims)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('sig')
    .join('.');

describe('desktop sign-in: managed login with PKCE', () => {
  it('sends the code flow with an S256 challenge, the three scopes and the desktop as redirect', () => {
    const url = new URL(authorizeUrl(AUTH, { redirectUri: DESKTOP, state: 's1', challenge: 'c1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTH.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: DESKTOP,
      scope: 'openid email profile',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });

  it('computes the RFC 7636 challenge', async () => {
    // The example verifier and challenge of RFC 7636, appendix B.
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('registers the bare origin for the root page and the path elsewhere', () => {
    expect(desktopRedirectUri({ origin: DESKTOP, pathname: '/' })).toBe(DESKTOP);
    expect(desktopRedirectUri({ origin: 'http://127.0.0.1:3100', pathname: '/desktop/' })).toBe(
      'http://127.0.0.1:3100/desktop/',
    );
  });

  it('signs out at the logout endpoint, back to the desktop', () => {
    expect(logoutUrl(AUTH, DESKTOP)).toBe(
      `${AUTH.domain}/logout?client_id=client123&logout_uri=${encodeURIComponent(DESKTOP)}`,
    );
  });

  it('exchanges the returned code with the verifier it remembered and keeps the ID token until exp', async () => {
    const storage = memoryStore();
    let now = Date.parse('2026-12-01T07:00:00Z');
    const session = createSession(storage, () => now);
    const login = new URL(await beginCognitoSignIn(AUTH, storage, DESKTOP));
    const state = login.searchParams.get('state') ?? '';
    const idToken = jwt({ exp: now / 1000 + 3600, 'cognito:username': 'agent.wanjiku' });
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return Response.json({ id_token: idToken, access_token: 'a', expires_in: 3600 });
    }) as typeof globalThis.fetch;

    const completed = await completeCognitoSignIn(AUTH, {
      params: new URLSearchParams({ code: 'the-code', state }),
      storage,
      session,
      redirectUri: DESKTOP,
      fetch,
    });

    expect(completed).toBe(true);
    expect(requests[0]?.url).toBe(`${AUTH.domain}/oauth2/token`);
    const form = new URLSearchParams(String(requests[0]?.init?.body));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('redirect_uri')).toBe(DESKTOP);
    expect(await pkceChallenge(form.get('code_verifier') ?? '')).toBe(
      login.searchParams.get('code_challenge'),
    );
    expect(session.token()).toBe(idToken);
    now += 3600_000;
    expect(session.token()).toBeUndefined();
  });

  it('refuses an answer whose state this tab did not send, without calling the token endpoint', async () => {
    const storage = memoryStore();
    await beginCognitoSignIn(AUTH, storage, DESKTOP);
    let called = false;
    const fetch = (async () => {
      called = true;
      return Response.json({});
    }) as typeof globalThis.fetch;
    await expect(
      completeCognitoSignIn(AUTH, {
        params: new URLSearchParams({ code: 'c', state: 'forged' }),
        storage,
        session: createSession(storage),
        redirectUri: DESKTOP,
        fetch,
      }),
    ).rejects.toThrow(/does not match/);
    expect(called).toBe(false);
  });

  it('does nothing on an ordinary page load', async () => {
    const storage = memoryStore();
    expect(
      await completeCognitoSignIn(AUTH, {
        params: new URLSearchParams(),
        storage,
        session: createSession(storage),
        redirectUri: DESKTOP,
      }),
    ).toBe(false);
  });
});

describe('desktop config.json', () => {
  it('accepts the deployed and the local shapes', () => {
    expect(
      parseDesktopConfig({
        ccpUrl: 'https://huduma-cc.my.connect.aws/ccp-v2/',
        region: 'af-south-1',
        staffApi: { url: 'https://abc.execute-api.af-south-1.amazonaws.com/', auth: AUTH },
      }).staffApi?.auth,
    ).toEqual(AUTH);
    expect(
      parseDesktopConfig({
        staffApi: {
          url: 'http://127.0.0.1:3100',
          auth: { kind: 'local', tokens: [{ token: 'agent-demo', groups: ['agents'] }] },
        },
      }).ccpUrl,
    ).toBeUndefined();
  });

  it('refuses an unknown sign-in kind', () => {
    expect(() =>
      parseDesktopConfig({ staffApi: { url: 'http://x', auth: { kind: 'basic' } } }),
    ).toThrow(/config.json/);
  });
});
