import { constantTimeEqual, generateRefreshToken, hashRefreshToken, looksLikeRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  it('are 256 random bits in base64url after the pfr_ prefix, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateRefreshToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(/^pfr_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
      expect(looksLikeRefreshToken(token)).toBe(true);
    }
  });

  it('are stored as their SHA-256 in lower-case hex', () => {
    expect(hashRefreshToken('pfr_abc')).toBe('671fedb61794ca0561962b24a29e0e698ff35c9c851e3486d0a8128967277002');
  });

  it('are recognised by shape before any lookup', () => {
    expect(looksLikeRefreshToken('pfr_' + 'a'.repeat(42))).toBe(false);
    expect(looksLikeRefreshToken('xyz_' + 'a'.repeat(43))).toBe(false);
    expect(looksLikeRefreshToken('pfr_' + 'a'.repeat(42) + '!')).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it('compares strings of any length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
