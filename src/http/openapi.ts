import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION } from '../common/app-version';
import { ErrorResponse } from './error-response';
import { methodNotAllowed } from './method-not-allowed';
import { completeOpenApiDocument } from './openapi-completion';

/** The OpenAPI document, generated from the controllers and DTOs (the dashboard's client is generated from it). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PortoFino API')
    .setDescription(
      'Portfolio backtesting: plain-text portfolios simulated over historical prices, metrics, reports, live ' +
        'progress. Every error answers with the ErrorResponse shape.',
    )
    .setVersion(APP_VERSION)
    .addBearerAuth()
    // The refresh token's httpOnly cookie (src/modules/auth/auth-cookies.ts), used by POST /auth/refresh and /logout.
    .addCookieAuth('portofino_refresh', { type: 'apiKey', in: 'cookie', name: 'portofino_refresh' }, 'refresh-cookie')
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
}

/**
 * Swagger UI at /docs, the JSON at /docs/openapi.json; and 405 with `Allow` for a method the document does not
 * list on one of its paths. Call before the application is initialised (the 405 answer goes ahead of the routes).
 */
export function mountSwagger(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  app.use(methodNotAllowed(document));
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'PortoFino API',
  });
}
