import { passwordProblems } from './password-policy';

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
