import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stub's userinfo endpoint answers (OpenID Connect claims, as Google sends them). */
export interface StubProfile {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  profile: StubProfile;
}

/**
 * A small OAuth 2.0 / OpenID Connect provider on loopback that behaves like Google's endpoints for the
 * authorization-code flow with PKCE: /authorize (redirects back with a code), /token (checks the client, the
 * redirect URI and the PKCE verifier), /userinfo (the profile for the access token).
 */
export class OAuthStub {
  /** The profile the next authorization hands out. */
  profile: StubProfile = { sub: 'google-sub-1', email: 'someone@example.com', email_verified: true, name: 'Some One' };
  readonly tokenRequests: Record<string, string>[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, StubProfile>();
  private server!: Server;
  url = '';

  constructor(
    readonly clientId = 'stub-client-id',
    readonly clientSecret = 'stub-client-secret',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The app's environment for this provider. */
  env(): Record<string, string> {
    return {
      GOOGLE_CLIENT_ID: this.clientId,
      GOOGLE_CLIENT_SECRET: this.clientSecret,
      GOOGLE_AUTH_URL: `${this.url}/authorize`,
      GOOGLE_TOKEN_URL: `${this.url}/token`,
      GOOGLE_USERINFO_URL: `${this.url}/userinfo`,
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (request.method === 'GET' && url.pathname === '/authorize') return this.authorize(url, response);
    if (request.method === 'POST' && url.pathname === '/token') return this.token(await readBody(request), response);
    if (request.method === 'GET' && url.pathname === '/userinfo') return this.userinfo(request, url, response);
    json(response, 404, { error: 'not_found' });
  }

  private authorize(url: URL, response: ServerResponse): void {
    const query = Object.fromEntries(url.searchParams);
    if (query.client_id !== this.clientId || query.response_type !== 'code' || !query.redirect_uri) {
      return json(response, 400, { error: 'invalid_request' });
    }
    if (query.code_challenge_method !== 'S256' || !query.code_challenge) {
      return json(response, 400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
    }
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      clientId: query.client_id,
      redirectUri: query.redirect_uri,
      challenge: query.code_challenge,
      profile: this.profile,
    });
    const target = new URL(query.redirect_uri);
    target.searchParams.set('code', code);
    if (query.state) target.searchParams.set('state', query.state);
    response.writeHead(302, { location: target.toString() }).end();
  }

  private token(body: string, response: ServerResponse): void {
    const form = Object.fromEntries(new URLSearchParams(body));
    this.tokenRequests.push(form);
    const pending = this.codes.get(form.code ?? '');
    this.codes.delete(form.code ?? '');
    const challenge = createHash('sha256')
      .update(form.code_verifier ?? '')
      .digest('base64url');
    if (
      !pending ||
      form.grant_type !== 'authorization_code' ||
      form.client_id !== this.clientId ||
      form.client_secret !== this.clientSecret ||
      form.redirect_uri !== pending.redirectUri ||
      challenge !== pending.challenge
    ) {
      return json(response, 400, { error: 'invalid_grant' });
    }
    const accessToken = randomBytes(16).toString('hex');
    this.accessTokens.set(accessToken, pending.profile);
    json(response, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid email profile',
    });
  }

  /** Like Google's, accepts the token as a Bearer header or as the access_token parameter (node-oauth's way). */
  private userinfo(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const token =
      /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ??
      url.searchParams.get('access_token') ??
      undefined;
    const profile = token ? this.accessTokens.get(token) : undefined;
    if (!profile) return json(response, 401, { error: 'invalid_token' });
    json(response, 200, profile);
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
