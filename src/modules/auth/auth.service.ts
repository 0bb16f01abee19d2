import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Profile } from 'passport-google-oauth20';
import type { AuthenticatedUser } from '../../common/authenticated-user';
import { AppConfig } from '../../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { normaliseEmail, User, UsersService } from '../users/users.service';
import { AccessTokenService } from './access-token.service';
import { ExistingAccounts } from './existing-accounts';
import {
  FreshSignInRequiredError,
  GoogleEmailNotVerifiedError,
  InvalidCredentialsError,
  PasswordPolicyError,
  RefreshTokenInvalidError,
  RefreshTokenMissingError,
  RefreshTokenReusedError,
} from './auth.errors';
import { PasswordHasher } from './password-hasher';
import { passwordProblems } from './password-policy';
import { constantTimeEqual, generateRefreshToken, hashRefreshToken, looksLikeRefreshToken } from './refresh-token';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SignInLimiter } from './sign-in-limiter';

/** How recent a sign-in must be to stand in for the password when deleting the account. */
export const FRESH_SIGN_IN_SECONDS = 5 * 60;

/** A signed-in session: what login, register, refresh and the Google callback hand out. */
export interface Session {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
}

/**
 * Sign-up, sign-in (password and Google), refresh-token rotation with reuse detection, sign-out.
 *
 * Refresh tokens: each sign-in starts a token family; POST /auth/refresh retires the presented token (revoked,
 * `rotated`, pointing at its successor) and issues a new one in the same family. A retired token presented again
 * means one of two parties holds a stolen copy, so the whole family is revoked — the newest token too.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly metrics: MetricsService,
    private readonly accounts: ExistingAccounts,
    private readonly limits: SignInLimiter,
  ) {}

  /** `ip`: the client's address, for the rate limits (SignInLimiter). */
  async register(input: { email: string; password: string; displayName?: string }, ip: string): Promise<Session> {
    await this.limits.beforeRegister(ip);
    const email = normaliseEmail(input.email);
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0) throw new PasswordPolicyError(problems);
    const user = await this.users.create({
      email,
      passwordHash: await this.passwords.hash(input.password),
      displayName: input.displayName?.trim() || null,
    });
    return this.startSession(user);
  }

  /** Unknown email, no password on the account, wrong password: the same error after the same amount of work. */
  async login(email: string, password: string, ip: string): Promise<Session> {
    await this.limits.beforeSignIn(ip, email);
    const credentials = await this.users.findCredentialsByEmail(email);
    const passwordHash = credentials?.passwordHash;
    const valid = passwordHash
      ? await this.passwords.verify(passwordHash, password)
      : await this.passwords.verifyNothing(password);
    if (!credentials || !passwordHash || !valid) {
      this.logger.log({ message: 'login failed', userId: credentials?.user.id });
      this.metrics.login(false);
      await this.limits.passwordRefused(email);
      throw new InvalidCredentialsError();
    }
    await this.limits.passwordAccepted(email);
    if (this.passwords.needsRehash(passwordHash)) {
      await this.users.setPasswordHash(credentials.user.id, await this.passwords.hash(password));
    }
    this.metrics.login(true);
    return this.startSession(credentials.user);
  }

  /**
   * A valid refresh token always refreshes; an invalid one (unknown, expired, revoked, reused) counts against
   * the client's address (SignInLimiter). No token is not counted: that is a signed-out visit.
   */
  async refresh(token: string | undefined, ip: string): Promise<Session> {
    if (!token) throw new RefreshTokenMissingError();
    await this.limits.beforeRefresh(ip);
    try {
      return await this.exchange(token);
    } catch (error) {
      if (error instanceof RefreshTokenInvalidError || error instanceof RefreshTokenReusedError) {
        await this.limits.refreshRefused(ip);
      }
      throw error;
    }
  }

  private async exchange(token: string): Promise<Session> {
    const tokenHash = hashRefreshToken(token);
    const stored = looksLikeRefreshToken(token) ? await this.refreshTokens.findByHash(tokenHash) : null;
    // The lookup is by hash already; the explicit constant-time check keeps that property if the lookup changes.
    if (!stored || !constantTimeEqual(stored.tokenHash, tokenHash)) throw new RefreshTokenInvalidError();
    if (stored.revokedAt !== null) {
      // Revoked by logout, by an earlier reuse or by a credentials change: its family is revoked already.
      if (stored.revokedReason !== 'rotated') throw new RefreshTokenInvalidError();
      const revoked = await this.refreshTokens.revokeFamily(stored.familyId, 'reuse');
      this.logger.warn({
        message: 'refresh token reuse: family revoked',
        userId: stored.userId,
        familyId: stored.familyId,
        tokenId: stored.id,
        revoked,
      });
      this.metrics.refreshTokenReuseDetected();
      throw new RefreshTokenReusedError();
    }
    if (stored.expiresAt.getTime() <= Date.now()) throw new RefreshTokenInvalidError();
    const user = await this.users.findById(stored.userId);
    if (!user) throw new RefreshTokenInvalidError();

    const signedInAt = stored.signedInAt ?? stored.createdAt;
    const next = this.newRefreshToken(user.id, stored.familyId, signedInAt);
    if (!(await this.refreshTokens.rotate(stored.id, next.row))) {
      // Someone rotated this token between our read and our update: the same reuse, seen a moment later.
      await this.refreshTokens.revokeFamily(stored.familyId, 'reuse');
      this.logger.warn({ message: 'concurrent refresh token reuse: family revoked', familyId: stored.familyId });
      this.metrics.refreshTokenReuseDetected();
      throw new RefreshTokenReusedError();
    }
    return this.session(user, signedInAt, next.token, next.row.expiresAt);
  }

  /** Ends the sign-in the token belongs to (its whole family). Unknown or already revoked tokens are ignored. */
  async logout(token: string | undefined): Promise<void> {
    if (!token) throw new RefreshTokenMissingError();
    if (!looksLikeRefreshToken(token)) return;
    const stored = await this.refreshTokens.findByHash(hashRefreshToken(token));
    if (!stored) return;
    const revoked = await this.refreshTokens.revokeFamily(stored.familyId, 'logout');
    this.logger.log({ message: 'logout', userId: stored.userId, familyId: stored.familyId, revoked });
  }

  me(userId: string): Promise<User> {
    return this.users.getById(userId);
  }

  /**
   * Proof that the person at the keyboard owns the account, for irreversible acts (deleting it): the account's
   * password, or — without one — a sign-in of the last FRESH_SIGN_IN_SECONDS (how an account with only Google
   * proves it). A wrong password is INVALID_CREDENTIALS, as at sign-in.
   */
  async confirmIdentity(user: AuthenticatedUser, password: string | undefined): Promise<void> {
    if (password === undefined) {
      if (Date.now() - user.signedInAt.getTime() <= FRESH_SIGN_IN_SECONDS * 1000) return;
      throw new FreshSignInRequiredError(FRESH_SIGN_IN_SECONDS);
    }
    await this.limits.beforePasswordCheck(user.email);
    const passwordHash = (await this.users.findCredentialsById(user.id))?.passwordHash;
    const valid = passwordHash
      ? await this.passwords.verify(passwordHash, password)
      : await this.passwords.verifyNothing(password);
    if (!valid) {
      this.logger.log({ message: 'identity confirmation failed', userId: user.id });
      await this.limits.passwordRefused(user.email);
      throw new InvalidCredentialsError();
    }
    await this.limits.passwordAccepted(user.email);
  }

  /** The account is gone: this process stops accepting its access tokens at once (others within seconds). */
  forgetAccount(userId: string): void {
    this.accounts.forget(userId);
  }

  /**
   * Google's verify step: the account with this Google subject, else the account with this (verified) email,
   * linked now, else a new account. Refuses addresses Google has not verified.
   */
  async signInWithGoogle(profile: Pick<Profile, 'id' | 'displayName' | 'emails'>): Promise<User> {
    const linked = await this.users.findByGoogleSubject(profile.id);
    if (linked) return linked;
    const address = profile.emails?.[0];
    const verified = (address?.verified as unknown) === true || (address?.verified as unknown) === 'true';
    if (!address?.value || !verified) throw new GoogleEmailNotVerifiedError();
    const displayName = profile.displayName?.trim() || null;
    const existing = await this.users.findByEmail(address.value);
    if (existing) {
      const { passwordRemoved } = await this.users.linkGoogle(existing.id, profile.id, displayName);
      // A password set by someone who never proved they own the mailbox must not keep its sessions either.
      if (passwordRemoved) await this.refreshTokens.revokeAllOfUser(existing.id, 'credentials');
      return this.users.getById(existing.id);
    }
    return this.users.create({
      email: address.value,
      passwordHash: null,
      displayName,
      googleSubject: profile.id,
      emailVerified: true,
    });
  }

  /** A new token family for a fresh sign-in. */
  async startSession(user: User): Promise<Session> {
    const signedInAt = new Date();
    const first = this.newRefreshToken(user.id, randomUUID(), signedInAt);
    await this.refreshTokens.insert(first.row);
    this.logger.log({ message: 'signed in', userId: user.id, familyId: first.row.familyId });
    return this.session(user, signedInAt, first.token, first.row.expiresAt);
  }

  private newRefreshToken(userId: string, familyId: string, signedInAt: Date) {
    const token = generateRefreshToken();
    return {
      token,
      row: {
        id: randomUUID(),
        userId,
        familyId,
        tokenHash: hashRefreshToken(token),
        expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
        signedInAt,
      },
    };
  }

  private async session(
    user: User,
    signedInAt: Date,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<Session> {
    return {
      tokenType: 'Bearer',
      accessToken: await this.accessTokens.sign(user, signedInAt),
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      refreshTokenExpiresAt,
      user,
    };
  }
}
