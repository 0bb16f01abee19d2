import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import cookieParser from 'cookie-parser';
import { AccessTokenVerifier } from '../../common/authenticated-user';
import { AppConfig } from '../../config/app-config';
import { MetricsModule } from '../metrics/metrics.module';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthSecrets } from './auth-secrets';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ExistingAccounts } from './existing-accounts';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { GoogleAuthController } from './google/google-auth.controller';
import { GoogleAuthGuard } from './google/google-auth.guard';
import { GoogleStrategy } from './google/google.strategy';
import { SignedCookieStateStore } from './google/oauth-state.store';
import { JwtAuthGuard } from './jwt-auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenRepository } from './refresh-token.repository';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store';
import { SignInLimiter } from './sign-in-limiter';

/**
 * Authentication: email/password and Google sign-in, access tokens (JWT), refresh-token sessions, the global
 * access-token guard (APP_GUARD; @Public() opts out) and the verifier the Socket.IO adapter uses. Accounts
 * themselves live in the users module. See docs/auth.md.
 */
@Module({
  imports: [UsersModule, MetricsModule, TypeOrmModule.forFeature([RefreshTokenEntity])],
  controllers: [AuthController, GoogleAuthController],
  providers: [
    {
      provide: AuthSecrets,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new AuthSecrets(resolveJwtSecret(config)),
    },
    ExistingAccounts,
    AccessTokenService,
    { provide: AccessTokenVerifier, useExisting: AccessTokenService },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    {
      provide: RateLimitStore,
      inject: [AppConfig],
      // Shared by every process when the deployment has Redis (the queue's); one process otherwise.
      useFactory: (config: AppConfig): RateLimitStore =>
        config.queue.kind === 'bull'
          ? new RedisRateLimitStore(config.queue.redisUrl, `${config.queue.prefix}:auth`)
          : new MemoryRateLimitStore(),
    },
    SignInLimiter,
    PasswordHasher,
    RefreshTokenRepository,
    AuthService,
    GoogleAuthGuard,
    {
      provide: GoogleStrategy,
      inject: [AppConfig, AuthSecrets, AuthService, RateLimitStore],
      useFactory: (config: AppConfig, secrets: AuthSecrets, auth: AuthService, store: RateLimitStore) =>
        config.auth.google
          ? new GoogleStrategy(config.auth.google, new SignedCookieStateStore(secrets.oauthStateKey, store), auth)
          : null,
    },
  ],
  exports: [AuthService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Cookies are read only by the auth routes (refresh cookie, OAuth state cookie).
    consumer.apply(cookieParser()).forRoutes(AuthController, GoogleAuthController);
  }
}
