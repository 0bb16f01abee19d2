import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { AppConfigModuleOptions } from './config/app-config.module';
import { mountDashboard } from './dashboard/dashboard';
import { configureHttp } from './http/configure-http';
import { createLogger } from './http/logger';
import { mountSwagger } from './http/openapi';
import { SocketIoAdapter } from './realtime/socket-io.adapter';

export interface PortoFinoApp {
  app: NestExpressApplication;
  config: AppConfig;
}

/**
 * Builds the whole application for a role, ready to listen: used by main.ts and by the integration tests,
 * so tests exercise exactly what runs in production. Throws ConfigValidationError on bad configuration.
 */
export async function createApp(options: AppConfigModuleOptions = {}): Promise<PortoFinoApp> {
  const { module, config } = await AppModule.forRoot(options);
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
    logger: createLogger(config.log),
  });
  configureHttp(app, config);
  app.useWebSocketAdapter(new SocketIoAdapter(app, config));
  if (config.runsApi) {
    mountSwagger(app);
    if (config.http.serveDashboard) await mountDashboard(app);
  }
  return { app, config };
}
