import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { testDatabaseUrl } from '../harness/test-services';
import { RunningApp, startApp } from '../support/test-app';

const SECRET = 'test-secret-of-forty-bytes-0123456789abc';
const CLAIMS = { iss: 'portofino', aud: 'portofino-api' };

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The global guard: only an unexpired HS256 token signed with our secret, for our issuer and audience, passes. */
describe('access tokens on PostgreSQL', () => {
  let running: RunningApp;
  let user: { id: string; email: string };
  let valid: string;

  beforeAll(async () => {
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('auth_tokens'),
      JWT_SECRET: SECRET,
      AUTH_THROTTLE_LIMIT: '1000',
    });
    const registered = await request(running.url)
      .post('/auth/register')
      .send({ email: 'tokens@example.com', password: 'correct horse battery staple 7' })
      .expect(201);
    user = registered.body.user;
    valid = registered.body.accessToken;
  });

  afterAll(async () => {
    await running.close();
  });

  const me = (token?: string) => {
    const call = request(running.url).get('/auth/me');
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  async function expectRefused(token: string | undefined, error: string, message: string): Promise<void> {
    const response = await me(token).expect(401);
    expect(response.body).toEqual({
      status: 401,
      error,
      message,
      details: [],
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  }

  const INVALID = 'access token is invalid: sign in again (POST /auth/login)';

  it('accepts the token it issued: HS256 with issuer, audience and a 15-minute expiry', async () => {
    await me(valid).expect(200);
    const [header, payload] = valid
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({
      sub: user.id,
      email: 'tokens@example.com',
      auth_time: payload.iat,
      ...CLAIMS,
      iat: expect.any(Number),
      exp: payload.iat + 900,
    });
  });

  it('refuses a request without a token, or with another scheme', async () => {
    await expectRefused(
      undefined,
      'AUTHENTICATION_REQUIRED',
      'authentication required: send Authorization: Bearer <access token> (POST /auth/login)',
    );
    const basic = await request(running.url).get('/auth/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(basic.body.message).toBe('Authorization header must be "Bearer <access token>"');
  });

  it('refuses an expired token', async () => {
    const expired = sign(
      { sub: user.id, email: user.email, ...CLAIMS, exp: Math.floor(Date.now() / 1000) - 10 },
      SECRET,
      {
        algorithm: 'HS256',
      },
    );
    await expectRefused(expired, 'ACCESS_TOKEN_EXPIRED', 'access token expired: get a new one at POST /auth/refresh');
  });

  it('accepts a token issued before auth_time existed, and refuses a signed token of an account that does not exist', async () => {
    const options = { algorithm: 'HS256' as const, expiresIn: 600 };
    await me(sign({ sub: user.id, email: user.email, ...CLAIMS }, SECRET, options)).expect(200);
    const stranger = sign(
      { sub: '00000000-0000-4000-8000-000000000000', email: 'x@example.com', ...CLAIMS },
      SECRET,
      options,
    );
    await expectRefused(
      stranger,
      'ACCOUNT_NOT_FOUND',
      'the account of this access token no longer exists: register or sign in again',
    );
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const [header, , signature] = valid.split('.');
    const payload = JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const tampered = [header, base64url({ ...payload, sub: '00000000-0000-4000-8000-000000000000' }), signature].join(
      '.',
    );
    await expectRefused(tampered, 'ACCESS_TOKEN_INVALID', INVALID);
  });

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: user.id, email: user.email, ...CLAIMS, iat: now, exp: now + 600 })}.`;
    await expectRefused(unsigned, 'ACCESS_TOKEN_INVALID', INVALID);
  });

  it('refuses HS512 and RS256 tokens, even with the right secret or a key of their own', async () => {
    const claims = { sub: user.id, email: user.email, ...CLAIMS };
    await expectRefused(sign(claims, SECRET, { algorithm: 'HS512', expiresIn: 600 }), 'ACCESS_TOKEN_INVALID', INVALID);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRefused(
      sign(claims, privateKey, { algorithm: 'RS256', expiresIn: 600 }),
      'ACCESS_TOKEN_INVALID',
      INVALID,
    );
  });

  it('refuses a token signed with another secret', async () => {
    const forged = sign({ sub: user.id, email: user.email, ...CLAIMS }, 'another-secret-of-forty-bytes-0123456789', {
      algorithm: 'HS256',
      expiresIn: 600,
    });
    await expectRefused(forged, 'ACCESS_TOKEN_INVALID', INVALID);
  });

  it('refuses a token for another issuer or audience', async () => {
    const base = { sub: user.id, email: user.email };
    const options = { algorithm: 'HS256' as const, expiresIn: 600 };
    await expectRefused(
      sign({ ...base, ...CLAIMS, iss: 'someone-else' }, SECRET, options),
      'ACCESS_TOKEN_INVALID',
      INVALID,
    );
    await expectRefused(
      sign({ ...base, ...CLAIMS, aud: 'another-api' }, SECRET, options),
      'ACCESS_TOKEN_INVALID',
      INVALID,
    );
  });

  it('keeps probes, metrics and the API documentation public', async () => {
    await request(running.url).get('/health').expect(200);
    await request(running.url).get('/health/live').expect(200);
    await request(running.url).get('/metrics').expect(200);
    await request(running.url).get('/docs/openapi.json').expect(200);
    await request(running.url).get('/auth/providers').expect(200);
  });
});
