import request from 'supertest';
import { testDatabaseUrl } from '../harness/test-services';
import { RunningApp, startApp } from '../support/test-app';
import { cookieNamed } from './cookies';
import { OAuthStub } from './oauth-stub';

const STATE_COOKIE = 'portofino_oauth_state';

/** Google sign-in end to end against a local OAuth stub: authorize → callback with code → token → userinfo. */
describe('Google OAuth sign-in', () => {
  let stub: OAuthStub;
  let running: RunningApp;

  beforeAll(async () => {
    stub = await new OAuthStub().start();
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('auth_google'),
      AUTH_THROTTLE_LIMIT: '1000',
      ...stub.env(),
    });
  });

  afterAll(async () => {
    await running.close();
    await stub.stop();
  });

  /** The browser's first leg: our login redirects to the provider, which redirects back with a code. */
  async function startSignIn(): Promise<{ stateCookie: string; callback: URL; authorize: URL }> {
    const login = await request(running.url).get('/auth/google/login').expect(302);
    const authorize = new URL(login.headers.location as string);
    const cookie = cookieNamed(login.headers, STATE_COOKIE);
    expect(cookie?.attributes).toMatchObject({ path: '/auth/google', httponly: true, secure: true, samesite: 'Lax' });
    const provider = await fetch(authorize, { redirect: 'manual' });
    expect(provider.status).toBe(302);
    const callback = new URL(provider.headers.get('location') as string);
    return { stateCookie: `${STATE_COOKIE}=${encodeURIComponent(cookie?.value ?? '')}`, callback, authorize };
  }

  const callbackPath = (callback: URL) => `${callback.pathname}${callback.search}`;

  it('redirects to the configured authorization URL with state and PKCE (S256)', async () => {
    const { authorize, callback } = await startSignIn();
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${stub.url}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'stub-client-id',
      redirect_uri: `${running.url}/auth/google/callback`,
      scope: 'openid email profile',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
  });

  it('creates the account from the verified email, signs in and returns JSON when asked', async () => {
    stub.profile = { sub: 'g-100', email: 'Grace.Hopper@Example.com', email_verified: true, name: 'Grace Hopper' };
    const { stateCookie, callback } = await startSignIn();
    const signedIn = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'application/json')
      .expect(200);
    expect(signedIn.body).toMatchObject({
      tokenType: 'Bearer',
      user: {
        email: 'grace.hopper@example.com',
        displayName: 'Grace Hopper',
        emailVerified: true,
        hasPassword: false,
        googleLinked: true,
      },
    });
    // The token request carried the PKCE verifier (the stub checked it against the challenge).
    expect(stub.tokenRequests.at(-1)?.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookieNamed(signedIn.headers, 'portofino_refresh')?.value).toBe(signedIn.body.refreshToken);
    const me = await request(running.url)
      .get('/auth/me')
      .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
      .expect(200);
    expect(me.body.email).toBe('grace.hopper@example.com');
  });

  it('redirects a browser to the dashboard with the refresh cookie, and signs the same Google account in again', async () => {
    stub.profile = { sub: 'g-100', email: 'grace.hopper@example.com', email_verified: true, name: 'Grace Hopper' };
    const { stateCookie, callback } = await startSignIn();
    const browser = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'text/html,application/xhtml+xml')
      .expect(302);
    expect(browser.headers.location).toBe('/app');
    const refreshCookie = cookieNamed(browser.headers, 'portofino_refresh');
    expect(refreshCookie?.attributes).toMatchObject({
      path: '/auth',
      httponly: true,
      secure: true,
      samesite: 'Strict',
    });
    // The state cookie is single-use: cleared by the callback.
    expect(cookieNamed(browser.headers, STATE_COOKIE)?.value).toBe('');
    // The dashboard then trades the cookie for an access token.
    const session = await request(running.url)
      .post('/auth/refresh')
      .set('Cookie', `portofino_refresh=${refreshCookie?.value}`)
      .expect(200);
    expect(session.body.user.email).toBe('grace.hopper@example.com');
  });

  it('links a Google identity to an existing password account by verified email, removing the unverified password', async () => {
    const password = 'correct horse battery staple 7';
    const registered = await request(running.url)
      .post('/auth/register')
      .send({ email: 'alan@example.com', password })
      .expect(201);
    stub.profile = { sub: 'g-200', email: 'alan@example.com', email_verified: true, name: 'Alan Turing' };
    const { stateCookie, callback } = await startSignIn();
    const signedIn = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'application/json')
      .expect(200);
    expect(signedIn.body.user).toMatchObject({
      id: registered.body.user.id,
      emailVerified: true,
      googleLinked: true,
      hasPassword: false,
    });
    // Whoever set that password never proved they own the mailbox: the password and its sessions are gone.
    await request(running.url).post('/auth/login').send({ email: 'alan@example.com', password }).expect(401);
    const old = await request(running.url)
      .post('/auth/refresh')
      .send({ refreshToken: registered.body.refreshToken })
      .expect(401);
    expect(old.body.error).toBe('REFRESH_TOKEN_INVALID');
  });

  it('refuses a replayed callback, cookie and state captured together: the state is single-use on the server', async () => {
    stub.profile = { sub: 'g-100', email: 'grace.hopper@example.com', email_verified: true, name: 'Grace Hopper' };
    const { stateCookie, callback } = await startSignIn();
    const callAgain = () =>
      request(running.url).get(callbackPath(callback)).set('Cookie', stateCookie).set('Accept', 'application/json');
    await callAgain().expect(200);
    const replayed = await callAgain().expect(403);
    expect(replayed.body).toMatchObject({
      error: 'OAUTH_STATE_INVALID',
      message:
        'Google sign-in refused: this sign-in was already completed (a state is used once); start again at GET /auth/google/login',
    });
  });

  it('refuses a forged state', async () => {
    const { stateCookie, callback } = await startSignIn();
    callback.searchParams.set('state', 'forged-state-forged-state-forged1');
    const response = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'application/json')
      .expect(403);
    expect(response.body).toMatchObject({
      status: 403,
      error: 'OAUTH_STATE_INVALID',
      message:
        'Google sign-in refused: the state returned by Google does not match this browser; start again at GET /auth/google/login',
      details: [],
    });
  });

  it('refuses a callback in a browser that did not start the sign-in, and a tampered state cookie', async () => {
    const { stateCookie, callback } = await startSignIn();
    const noCookie = await request(running.url).get(callbackPath(callback)).expect(403);
    expect(noCookie.body.message).toBe(
      'Google sign-in refused: this browser did not start a sign-in (no state cookie); start again at GET /auth/google/login',
    );
    const [body, mac] = decodeURIComponent(stateCookie.slice(STATE_COOKIE.length + 1)).split('.');
    const flip = (text: string) => `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
    const ownPayload = Buffer.from(
      JSON.stringify({ h: callback.searchParams.get('state'), v: 'x'.repeat(43), e: Date.now() + 60_000 }),
    ).toString('base64url');
    for (const value of [`${flip(body)}.${mac}`, `${body}.${flip(mac)}`, `${ownPayload}.${mac}`, body]) {
      const response = await request(running.url)
        .get(callbackPath(callback))
        .set('Cookie', `${STATE_COOKIE}=${encodeURIComponent(value)}`)
        .expect(403);
      expect(response.body.message).toBe(
        'Google sign-in refused: the state cookie is not valid; start again at GET /auth/google/login',
      );
    }
    expect(stub.tokenRequests.filter((form) => form.code === callback.searchParams.get('code'))).toEqual([]);
  });

  it('refuses an email address Google has not verified', async () => {
    stub.profile = { sub: 'g-300', email: 'unverified@example.com', email_verified: false, name: 'Not Verified' };
    const { stateCookie, callback } = await startSignIn();
    const response = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'application/json')
      .expect(403);
    expect(response.body).toMatchObject({
      status: 403,
      error: 'GOOGLE_EMAIL_NOT_VERIFIED',
      message: 'Google did not confirm that this email address is verified: verify it with Google, then try again',
    });
  });

  it('refuses a code the provider does not accept', async () => {
    const { stateCookie, callback } = await startSignIn();
    callback.searchParams.set('code', 'not-a-code-the-provider-issued');
    const response = await request(running.url)
      .get(callbackPath(callback))
      .set('Cookie', stateCookie)
      .set('Accept', 'application/json')
      .expect(401);
    expect(response.body.error).toBe('GOOGLE_SIGN_IN_FAILED');
  });

  it('says Google is available', async () => {
    const providers = await request(running.url).get('/auth/providers').expect(200);
    expect(providers.body).toEqual({ password: true, google: true, googleLoginUrl: '/auth/google/login' });
  });
});
