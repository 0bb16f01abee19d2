import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, parseEnvironment } from '../../config/environment.schema';
import { readOrCreateSecretFile, resolveJwtSecret } from './jwt-secret';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseEnvironment(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('JWT secret', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portofino-secret-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a JWT_SECRET under 32 bytes in production, naming its length', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'too-short' })).toEqual([
      'JWT_SECRET: must be at least 32 bytes in production, got 9 (openssl rand -base64 48 makes one; or unset it to use JWT_SECRET_FILE)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'development', JWT_SECRET: 'too-short' })).toEqual([]);
  });

  it('requires the Google client secret with a client id, and http(s) endpoints', () => {
    expect(problemsOf({ GOOGLE_CLIENT_ID: 'id', GOOGLE_TOKEN_URL: 'ftp://x/token' })).toEqual([
      'GOOGLE_CLIENT_SECRET: required when GOOGLE_CLIENT_ID is set',
      'GOOGLE_TOKEN_URL: must be a URL starting with http:// or https://',
    ]);
    expect(parseEnvironment({}).auth.google).toBeNull();
  });

  it('uses JWT_SECRET when set', () => {
    const config = parseEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: 's'.repeat(40),
      JWT_SECRET_FILE: join(dir, 'f'),
    });
    expect(resolveJwtSecret(config)).toBe('s'.repeat(40));
  });

  it('in development, makes a fresh random secret per start and writes no file', () => {
    const config = parseEnvironment({ NODE_ENV: 'development', JWT_SECRET_FILE: join(dir, 'secret') });
    const first = resolveJwtSecret(config);
    expect(Buffer.from(first, 'base64url')).toHaveLength(48);
    expect(resolveJwtSecret(config)).not.toBe(first);
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });

  it('in production without JWT_SECRET, creates the file once (mode 0600) and reads it back afterwards', () => {
    const path = join(dir, 'nested', '.jwt-secret');
    const config = parseEnvironment({ NODE_ENV: 'production', JWT_SECRET_FILE: path });
    const first = resolveJwtSecret(config);
    expect(Buffer.from(first, 'base64url')).toHaveLength(48);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(`${first}\n`);
    expect(resolveJwtSecret(config)).toBe(first);
  });

  it('refuses a weak secret file', () => {
    const path = join(dir, 'weak');
    writeFileSync(path, 'short\n');
    expect(() => readOrCreateSecretFile(path)).toThrow(
      `JWT_SECRET_FILE: ${path} holds 5 bytes, at least 32 are required (delete it to generate a new one)`,
    );
  });
});
