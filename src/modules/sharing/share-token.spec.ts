import { createHash } from 'node:crypto';
import { hashShareToken, looksLikeShareToken, newShareToken } from './share-token';

describe('share tokens', () => {
  it('are 43 base64url characters (256 bits), all different, stored as their SHA-256 with a 4-character hint', () => {
    const tokens = Array.from({ length: 1000 }, () => newShareToken());
    expect(new Set(tokens.map((one) => one.token)).size).toBe(1000);
    for (const { token, hash, hint } of tokens.slice(0, 50)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(hash).not.toContain(token);
      expect(hint).toBe(token.slice(-4));
      expect(looksLikeShareToken(token)).toBe(true);
    }
  });

  it('hashes a known token to its known SHA-256', () => {
    // sha256("abc") from FIPS 180-2, appendix B.1.
    expect(hashShareToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses what is not a token: a uuid, too short, too long, other characters', () => {
    const token = newShareToken().token;
    for (const value of ['0b9a7c52-1111-4a52-9a3e-2f0b8f2d8c11', token.slice(1), `${token}A`, `${token.slice(1)}=`]) {
      expect(looksLikeShareToken(value)).toBe(false);
    }
  });
});
