import fc from 'fast-check';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PATTERN, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase with spaces', () => {
    expect(passwordProblems('correct horse battery staple 7', 'ada@example.com')).toEqual([]);
  });

  it('counts characters, not bytes: 12 emoji are 12 characters', () => {
    expect(passwordProblems('🦊🐙🦉🐢🦋🐝🦊🐙🦉🐢🦋🐝')).toEqual([]);
  });

  it('names the length it found when too short', () => {
    expect(passwordProblems('short pw 1')).toEqual([
      'password must be at least 12 characters long (it has 10); a few unrelated words make a strong one',
    ]);
  });

  it('refuses more than 128 characters instead of truncating', () => {
    expect(passwordProblems('ab cd ef gh '.repeat(11))).toEqual([
      'password must be at most 128 characters long (it has 132)',
    ]);
  });

  it('refuses too few different characters', () => {
    expect(passwordProblems('abababababababab')).toEqual(['password must contain at least 5 different characters']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('PassWord1234')).toEqual(['password is one of the most common passwords: choose another']);
  });

  it('counts different characters as written', () => {
    expect(passwordProblems('AaAaAaAaAaAa')).toEqual(['password must contain at least 5 different characters']);
    expect(passwordProblems('AaBbCcAaBbCc')).toEqual([]);
  });

  describe('PASSWORD_PATTERN (the OpenAPI document’s version of the rules)', () => {
    const pattern = new RegExp(PASSWORD_PATTERN, 'u');
    /** What the pattern and the length bounds stand for: every rule that needs no other field. */
    const acceptable = (password: string) => passwordProblems(password).length === 0;
    const documented = (password: string) => {
      const length = [...password].length;
      return length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH && pattern.test(password);
    };

    it('agrees with passwordProblems on common passwords, repetitive ones and their near misses', () => {
      for (const password of [
        'password1234',
        'PASSWORD1234',
        'password1234\n',
        ' password1234',
        'p@ssw0rd1234',
        'abcdeabcdeab',
        'abcdabcdabcdabcd',
        'aaaa\nbbbb\ncccc\ndddd\n',
        '🦊🐙🦉🐢🦋🐝🦊🐙🦉🐢🦋🐝',
        '🦊🐙🦉🐢🦊🐙🦉🐢🦊🐙🦉🐢',
        'correct horse battery staple 7',
      ]) {
        expect([password, documented(password)]).toEqual([password, acceptable(password)]);
      }
    });

    it('agrees with passwordProblems on any text', () => {
      const text = fc.oneof(
        fc.string({
          minLength: 10,
          maxLength: 40,
          unit: fc.constantFrom('a', 'A', 'b', 'B', '1', '!', ' ', '\n', '🦊'),
        }),
        fc.string({ minLength: 10, maxLength: 140, unit: 'grapheme' }),
      );
      fc.assert(fc.property(text, (password) => documented(password) === acceptable(password)));
    });
  });

  it("refuses a password containing the email's name part", () => {
    expect(passwordProblems('my name is Margaret!', 'margaret@example.com')).toEqual([
      'password must not contain your email address or its name part',
    ]);
    // Short name parts are not checked (too many false alarms).
    expect(passwordProblems('bob builds bridges', 'bob@example.com')).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('aaaa', 'aaaa@example.com')).toEqual([
      'password must be at least 12 characters long (it has 4); a few unrelated words make a strong one',
      'password must not contain your email address or its name part',
    ]);
  });
});
