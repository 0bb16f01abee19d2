import type { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenVerifier } from '../../common/authenticated-user';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The user of a public route, when the request carries an access token (the global guard skips public routes, so
 * it is verified here with the auth module's verifier). A bad token is a 401, not "anonymous".
 */
export async function optionalUserId(request: Request, moduleRef: ModuleRef): Promise<string | null> {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const verifier = moduleRef.get(AccessTokenVerifier, { strict: false });
  return (await verifier.verify(match[1])).id;
}
