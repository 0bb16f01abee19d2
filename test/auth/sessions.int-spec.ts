import request from 'supertest';
import { testDatabaseUrl } from '../harness/test-services';
import { RunningApp, startApp } from '../support/test-app';
import { cookieNamed } from './cookies';

const PASSWORD = 'correct horse battery staple 7';
const REQUEST_ID = /^[0-9a-f-]{36}$/;

/** Email and password accounts, refresh-token rotation and reuse detection, on PostgreSQL. */
describe('auth sessions on PostgreSQL', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ DATABASE_URL: await testDatabaseUrl('auth_sessions'), AUTH_THROTTLE_LIMIT: '1000' });
  });

  afterAll(async () => {
    await running.close();
  });

  const api = () => request(running.url);
  const refresh = (token: string) => api().post('/auth/refresh').send({ refreshToken: token });
  const me = (accessToken: string) => api().get('/auth/me').set('Authorization', `Bearer ${accessToken}`);

  it('tells the story: register, login, refresh, reuse of a retired token revokes the family, logout', async () => {
    // Register: signed in at once; email stored normalised.
    const registered = await api()
      .post('/auth/register')
      .send({ email: '  Ada.Lovelace@Example.COM ', password: PASSWORD, displayName: 'Ada' })
      .expect(201);
    expect(registered.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: {
        email: 'ada.lovelace@example.com',
        displayName: 'Ada',
        emailVerified: false,
        hasPassword: true,
        googleLinked: false,
      },
    });
    expect(registered.body.refreshToken).toMatch(/^pfr_[A-Za-z0-9_-]{43}$/);
    const userId = registered.body.user.id as string;

    // Login (any case of the address) gives a new, independent session.
    const login = await api()
      .post('/auth/login')
      .send({ email: 'ADA.LOVELACE@example.com', password: PASSWORD })
      .expect(200);
    expect(login.body.user.id).toBe(userId);
    const cookie = cookieNamed(login.headers, 'portofino_refresh');
    expect(cookie?.value).toBe(login.body.refreshToken);
    expect(cookie?.attributes).toMatchObject({ path: '/auth', httponly: true, secure: true, samesite: 'Strict' });
    expect(Date.parse(String(cookie?.attributes.expires))).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const profile = await me(login.body.accessToken).expect(200);
    expect(profile.body).toEqual({
      id: userId,
      email: 'ada.lovelace@example.com',
      displayName: 'Ada',
      emailVerified: false,
      hasPassword: true,
      googleLinked: false,
      createdAt: registered.body.user.createdAt,
    });

    // Refresh rotates: a new refresh token and a working access token.
    const first = login.body.refreshToken as string;
    const rotated = await refresh(first).expect(200);
    const second = rotated.body.refreshToken as string;
    expect(second).not.toBe(first);
    await me(rotated.body.accessToken).expect(200);

    // And again, through the cookie this time (the dashboard's way).
    const viaCookie = await api().post('/auth/refresh').set('Cookie', `portofino_refresh=${second}`).expect(200);
    const third = viaCookie.body.refreshToken as string;
    expect(cookieNamed(viaCookie.headers, 'portofino_refresh')?.value).toBe(third);

    // Reuse of a retired token: refused, and the whole family dies, the newest token included.
    const reuse = await refresh(first).expect(401);
    expect(reuse.body).toEqual({
      status: 401,
      error: 'REFRESH_TOKEN_REUSED',
      message:
        'refresh token was already used: every token of this sign-in is now revoked (it may have been stolen); sign in again',
      details: [],
      requestId: expect.stringMatching(REQUEST_ID),
    });
    const newest = await refresh(third).expect(401);
    expect(newest.body.error).toBe('REFRESH_TOKEN_INVALID');

    // The registration's session is another family: unaffected. Logout revokes it.
    const other = await refresh(registered.body.refreshToken).expect(200);
    const logout = await api().post('/auth/logout').send({ refreshToken: other.body.refreshToken }).expect(204);
    const cleared = cookieNamed(logout.headers, 'portofino_refresh');
    expect(cleared?.value).toBe('');
    expect(Date.parse(String(cleared?.attributes.expires))).toBeLessThan(Date.now());
    expect((await refresh(other.body.refreshToken).expect(401)).body.error).toBe('REFRESH_TOKEN_INVALID');
    // Logging out twice is harmless.
    await api().post('/auth/logout').send({ refreshToken: other.body.refreshToken }).expect(204);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await api().post('/auth/register').send({ email: 'grace@example.com', password: PASSWORD }).expect(201);
    const wrongPassword = await api()
      .post('/auth/login')
      .send({ email: 'grace@example.com', password: 'not the password at all' })
      .expect(401);
    const unknownEmail = await api()
      .post('/auth/login')
      .send({ email: 'nobody@example.com', password: 'not the password at all' })
      .expect(401);
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.body).toEqual({
        status: 401,
        error: 'INVALID_CREDENTIALS',
        message: 'email or password is incorrect',
        details: [],
        requestId: expect.stringMatching(REQUEST_ID),
      });
    }
  });

  it('refuses a second account for the same normalised email with 409', async () => {
    await api().post('/auth/register').send({ email: 'linus@example.com', password: PASSWORD }).expect(201);
    const duplicate = await api()
      .post('/auth/register')
      .send({ email: 'Linus@EXAMPLE.com', password: PASSWORD })
      .expect(409);
    expect(duplicate.body).toMatchObject({
      status: 409,
      error: 'EMAIL_ALREADY_REGISTERED',
      message: 'an account with this email already exists: sign in instead',
    });
  });

  it('explains every password rule the password breaks', async () => {
    const short = await api().post('/auth/register').send({ email: 'bob@example.com', password: 'bob' }).expect(400);
    expect(short.body).toMatchObject({
      status: 400,
      error: 'PASSWORD_TOO_WEAK',
      message: 'password must be at least 12 characters long (it has 3); a few unrelated words make a strong one',
      details: [
        {
          field: 'password',
          problem: 'password must be at least 12 characters long (it has 3); a few unrelated words make a strong one',
        },
      ],
    });
    const common = await api()
      .post('/auth/register')
      .send({ email: 'bob@example.com', password: 'Password1234' })
      .expect(400);
    expect(common.body.message).toBe('password is one of the most common passwords: choose another');
    const own = await api()
      .post('/auth/register')
      .send({ email: 'roberta@example.com', password: 'roberta-is-my-name' })
      .expect(400);
    expect(own.body.message).toBe('password must not contain your email address or its name part');
  });

  it('validates the request bodies', async () => {
    const response = await api().post('/auth/login').send({ email: 'not-an-email', password: 5, extra: 1 }).expect(400);
    expect(response.body.error).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', problems: ['email must be an email address'] },
        { field: 'extra', problems: ['property extra should not exist'] },
      ]),
    );
  });

  it('answers refresh and logout without a token with 401, and a garbage token like an unknown one', async () => {
    expect((await api().post('/auth/refresh').send({}).expect(401)).body.error).toBe('REFRESH_TOKEN_MISSING');
    expect((await api().post('/auth/logout').expect(401)).body.error).toBe('REFRESH_TOKEN_MISSING');
    expect((await refresh('pfr_' + 'A'.repeat(43)).expect(401)).body.error).toBe('REFRESH_TOKEN_INVALID');
    expect((await refresh('anything').expect(401)).body.error).toBe('REFRESH_TOKEN_INVALID');
  });

  it('tells the dashboard which sign-in methods exist (Google off without a client id)', async () => {
    const providers = await api().get('/auth/providers').expect(200);
    expect(providers.body).toEqual({ password: true, google: false, googleLoginUrl: null });
    const google = await api().get('/auth/google/login').expect(404);
    expect(google.body).toMatchObject({
      status: 404,
      error: 'GOOGLE_SIGN_IN_DISABLED',
      message: 'Google sign-in is not configured on this server (set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET)',
    });
    await api().get('/auth/google/callback?code=x&state=y').expect(404);
  });

  it('serves the password policy it enforces (the registration form states it): one character short fails', async () => {
    const policy = (await api().get('/auth/password-policy').expect(200)).body;
    expect(policy).toMatchObject({ minLength: 12, maxLength: 128, minDistinctCharacters: 5 });
    expect(policy.summary).toBe('At least 12 characters (up to 128); a few unrelated words make a strong one.');
    const email = `policy-${Date.now()}@example.com`;
    const short = 'tulip-ocean-'.slice(0, policy.minLength - 1);
    const refused = await api().post('/auth/register').send({ email, password: short }).expect(400);
    expect(JSON.stringify(refused.body)).toContain(`at least ${policy.minLength} characters`);
    await api()
      .post('/auth/register')
      .send({ email, password: 'tulip-ocean-'.slice(0, policy.minLength) })
      .expect(201);
  });

  it('documents every auth route with its security in OpenAPI', async () => {
    const document = (await api().get('/docs/openapi.json').expect(200)).body;
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'refresh-cookie': { type: 'apiKey', in: 'cookie', name: 'portofino_refresh' },
    });
    expect(document.paths['/auth/me'].get.security).toEqual([{ bearer: [] }]);
    // The cookie, or nothing: the token may come in the body instead.
    expect(document.paths['/auth/refresh'].post.security).toEqual([{ 'refresh-cookie': [] }, {}]);
    expect(document.paths['/auth/me'].delete.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/auth/login'].post.security).toBeUndefined();
    expect(document.paths['/auth/login'].post.responses['429'].headers['Retry-After']).toBeDefined();
    for (const path of ['/auth/register', '/auth/login', '/auth/refresh', '/auth/logout', '/auth/providers']) {
      expect(document.paths[path]).toBeDefined();
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/auth/google/login', '/auth/google/callback']),
    );
    expect(document.paths['/auth/login'].post.responses['401'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
  });
});
