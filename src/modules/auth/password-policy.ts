/**
 * Password rules after OWASP ASVS 4 section 2.1 and NIST SP 800-63B: length is what counts (at least 12
 * characters, up to 128, any character including spaces and emoji, never truncated), no composition rules,
 * and no password that is known to be common or contains the account's own email name.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_DISTINCT_CHARACTERS = 5;

/** Frequent passwords of 12 characters or more (from public breach top lists), compared case-insensitively. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdfgh',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password123!',
  'p@ssw0rd1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'administrator',
  'administrator1',
  'abcdefghijkl',
  'abcdefghijklmnop',
  'abc123abc123',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'changeme1234',
  'trustno1trustno1',
  'correcthorsebatterystaple',
  'portofino123',
  'portofino1234',
]);

/** ASCII letters in lower case, nothing else changed: the common-password check and PASSWORD_PATTERN agree on it. */
const asciiLowerCase = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/**
 * The rules that need no other field, as a JSON Schema `pattern` for the OpenAPI document (with minLength and
 * maxLength): not a common password in any letter case, and at least MIN_DISTINCT_CHARACTERS different characters
 * (each iteration captures a character that does not occur again after it: five of them are five different
 * ones). Written for every regular-expression dialect a client may use — `[\s\S]` for any character, a negative
 * look-ahead for the end of the text (`$` may match before a final newline). A unit test checks it against
 * passwordProblems.
 */
export const PASSWORD_PATTERN = (() => {
  const caseless = (word: string) =>
    [...word]
      .map((character) =>
        /[a-z]/.test(character)
          ? `[${character}${character.toUpperCase()}]`
          : character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('');
  const common = [...COMMON_PASSWORDS].map(caseless).join('|');
  return `^(?!(?:${common})(?![\\s\\S]))(?=(?:[\\s\\S]*?([\\s\\S])(?![\\s\\S]*?\\1)){${MIN_DISTINCT_CHARACTERS}})`;
})();

/** Every rule the password breaks, each as a sentence a person can act on; empty when it is acceptable. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length; // code points: an emoji is one character
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(
      `password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length}); a few unrelated words make a strong one`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long (it has ${length})`);
  }
  // Distinct as written: "AaAaAa…" has two characters, "AaBbCc…" six.
  if (length >= PASSWORD_MIN_LENGTH && new Set(password).size < MIN_DISTINCT_CHARACTERS) {
    problems.push(`password must contain at least ${MIN_DISTINCT_CHARACTERS} different characters`);
  }
  if (COMMON_PASSWORDS.has(asciiLowerCase(password))) {
    problems.push('password is one of the most common passwords: choose another');
  }
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 4 && password.toLowerCase().includes(name)) {
    problems.push('password must not contain your email address or its name part');
  }
  return problems;
}

/** The rules above in words, for the registration form (served by GET /auth/password-policy, never copied). */
export function passwordPolicy(): {
  minLength: number;
  maxLength: number;
  minDistinctCharacters: number;
  summary: string;
  rules: string[];
} {
  return {
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    minDistinctCharacters: MIN_DISTINCT_CHARACTERS,
    summary: `At least ${PASSWORD_MIN_LENGTH} characters (up to ${PASSWORD_MAX_LENGTH}); a few unrelated words make a strong one.`,
    rules: [
      `at least ${PASSWORD_MIN_LENGTH} and at most ${PASSWORD_MAX_LENGTH} characters, any characters including spaces`,
      `at least ${MIN_DISTINCT_CHARACTERS} different characters`,
      'not one of the most common passwords',
      'not your email address or its name part',
    ],
  };
}
