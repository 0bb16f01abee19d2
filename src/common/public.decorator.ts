import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'portofino:isPublic';

/**
 * Opts a controller or a route out of the global access-token guard (AuthModule's JwtAuthGuard): probes,
 * metrics, sign-in endpoints. Everything else requires `Authorization: Bearer <access token>`.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
