import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: 256 bits, 43 characters of base64url. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewShareToken {
  token: string;
  hash: string;
  hint: string;
}

/** A fresh token from the operating system's CSPRNG, with what is stored of it (hash and hint). */
export function newShareToken(): NewShareToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashShareToken(token), hint: token.slice(-4) };
}

/** Hex SHA-256: a 256-bit random token needs no salt or slow hash (nothing to brute-force from the hash). */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `value` has the shape of a token (anything else is answered 404 without a database read). */
export function looksLikeShareToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
