import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { ConfigValidationError, MIN_JWT_SECRET_BYTES } from '../../config/environment.schema';

const logger = new Logger('JwtSecret');

function byteLength(secret: string): number {
  return Buffer.byteLength(secret, 'utf8');
}

/**
 * The HMAC secret of access tokens:
 * - JWT_SECRET when set (production refuses one under 32 bytes at configuration time; elsewhere it is a warning);
 * - in production without JWT_SECRET: the secret in JWT_SECRET_FILE (default data/.jwt-secret), created once with
 *   384 random bits and mode 0600 — strong and stable across restarts on a self-hosted box. A weak or unreadable
 *   file stops the start-up. Several API processes must share one secret: set JWT_SECRET for them;
 * - in development and test without JWT_SECRET: a random secret for this process (tokens die with it), with a
 *   warning.
 */
export function resolveJwtSecret(config: AppConfig): string {
  const { secret, secretFile } = config.auth.jwt;
  if (secret !== undefined) {
    if (byteLength(secret) < MIN_JWT_SECRET_BYTES) {
      logger.warn({
        message: `JWT_SECRET is only ${byteLength(secret)} bytes: production refuses anything under ${MIN_JWT_SECRET_BYTES}`,
      });
    }
    return secret;
  }
  if (config.nodeEnv !== 'production') {
    logger.warn({
      message: `JWT_SECRET is not set: using a random secret for this process (NODE_ENV=${config.nodeEnv}); sign-ins end when it stops`,
    });
    return randomBytes(48).toString('base64url');
  }
  return readOrCreateSecretFile(secretFile);
}

export function readOrCreateSecretFile(path: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx': never overwrite a file another process created a moment ago.
      writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(path, 0o600);
      logger.warn({
        message: `JWT_SECRET is not set: generated a secret in ${path} (keep it private; set JWT_SECRET when several API processes must share it)`,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigValidationError([
          `JWT_SECRET_FILE: cannot create ${path} (${(error as Error).message}); set JWT_SECRET instead`,
        ]);
      }
    }
  }
  let secret: string;
  try {
    secret = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new ConfigValidationError([`JWT_SECRET_FILE: cannot read ${path} (${(error as Error).message})`]);
  }
  if (byteLength(secret) < MIN_JWT_SECRET_BYTES) {
    throw new ConfigValidationError([
      `JWT_SECRET_FILE: ${path} holds ${byteLength(secret)} bytes, at least ${MIN_JWT_SECRET_BYTES} are required (delete it to generate a new one)`,
    ]);
  }
  return secret;
}
