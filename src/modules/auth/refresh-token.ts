import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Opaque refresh tokens: 256 random bits, base64url, with a prefix that makes leaked ones easy to recognise. */
export const REFRESH_TOKEN_PREFIX = 'pfr_';
const TOKEN_PATTERN = /^pfr_[A-Za-z0-9_-]{43}$/;

export function generateRefreshToken(): string {
  return `${REFRESH_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What is stored: the lower-case hex SHA-256 of the token (a 256-bit random value needs no salt or slow hash). */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeRefreshToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests with timingSafeEqual). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
