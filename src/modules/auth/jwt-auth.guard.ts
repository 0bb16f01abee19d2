import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../../common/authenticated-user';
import { IS_PUBLIC_KEY } from '../../common/public.decorator';
import { AccessTokenService } from './access-token.service';
import { AuthenticationRequiredError } from './auth.errors';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

/**
 * Installed globally (APP_GUARD): every HTTP route needs a valid access token unless it or its controller is
 * @Public(). The user lands in `request.user` (read it with @CurrentUser()). Socket.IO connections are checked
 * once at connection time by the SocketAuthenticator (src/realtime), so this guard lets WebSocket messages pass.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const header = request.headers.authorization;
    if (!header) throw new AuthenticationRequiredError();
    const match = BEARER.exec(header);
    if (!match) throw new AuthenticationRequiredError('Authorization header must be "Bearer <access token>"');
    request.user = await this.tokens.verify(match[1]);
    return true;
  }
}
