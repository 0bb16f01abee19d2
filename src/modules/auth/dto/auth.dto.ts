import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PATTERN } from '../password-policy';

export class RegisterRequest {
  @ApiProperty({
    example: 'ada@example.com',
    format: 'email',
    maxLength: 254,
    description: 'stored trimmed and in lower case; unique',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'correct horse battery staple 7',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    pattern: PASSWORD_PATTERN,
    description:
      `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, any characters, at least 5 different ones; not ` +
      "a common password (the pattern lists them); not containing the email's name part (4 characters or more)",
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class LoginRequest {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple 7', maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class RefreshRequest {
  @ApiPropertyOptional({
    example: 'pfr_Wm9yZ2V0IGl0OyB0aGlzIGlzIGFuIGV4YW1wbGUgdG9rZW4uLi4',
    description: 'the refresh token; omit it to use the portofino_refresh cookie (dashboard)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class UserResponse {
  @ApiProperty({ example: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String })
  displayName!: string | null;

  @ApiProperty({ description: 'an identity provider (Google) vouched for the address' })
  emailVerified!: boolean;

  @ApiProperty({ description: 'the account can sign in with a password' })
  hasPassword!: boolean;

  @ApiProperty({ description: 'a Google account is linked' })
  googleLinked!: boolean;

  @ApiProperty({ example: '2026-01-02T03:04:05.000Z' })
  createdAt!: Date;
}

export class AuthTokensResponse {
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'JWT (HS256) for `Authorization: Bearer ...` and the Socket.IO handshake `auth.token`' })
  accessToken!: string;

  @ApiProperty({ example: 900, description: 'seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'single-use: POST /auth/refresh returns a new one and retires this one; also set as the httpOnly portofino_refresh cookie',
  })
  refreshToken!: string;

  @ApiProperty({ example: '2026-02-01T03:04:05.000Z' })
  refreshTokenExpiresAt!: Date;

  @ApiProperty({ type: UserResponse })
  user!: UserResponse;
}

export class AuthProvidersResponse {
  @ApiProperty({ example: true, description: 'email and password sign-in (always available)' })
  password!: boolean;

  @ApiProperty({ example: false, description: 'Google sign-in is configured' })
  google!: boolean;

  @ApiProperty({
    example: '/auth/google/login',
    nullable: true,
    type: String,
    description: 'where to send the browser',
  })
  googleLoginUrl!: string | null;
}

export class PasswordPolicyResponse {
  @ApiProperty({ example: 12, description: 'fewest characters (Unicode code points) a password may have' })
  minLength!: number;

  @ApiProperty({ example: 128, description: 'most characters a password may have' })
  maxLength!: number;

  @ApiProperty({ example: 5, description: 'fewest different characters' })
  minDistinctCharacters!: number;

  @ApiProperty({
    example: 'At least 12 characters (up to 128); a few unrelated words make a strong one.',
    description: 'one sentence for the registration form',
  })
  summary!: string;

  @ApiProperty({ type: [String], description: 'every rule, in words' })
  rules!: string[];
}
