import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Who made the request, as proven by a verified access token (set by the JWT guard and the socket authenticator). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  /** When the person signed in (with a password or Google) to start the session this token belongs to. */
  signedInAt: Date;
  /** When the access token expires (sockets are disconnected then). */
  expiresAt: Date;
}

/**
 * Verifies an access token and says whose it is — of an account that still exists; provided by the auth module,
 * used by the HTTP guard and by the Socket.IO authenticator in src/realtime (which cannot import a domain module).
 * Throws on any problem.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<AuthenticatedUser>;
}

/** The authenticated user of the request (a route behind the global guard always has one). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('@CurrentUser() used on a route without an authenticated user (is it @Public()?)');
  return request.user;
});
