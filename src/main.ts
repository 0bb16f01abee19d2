import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { APP_ROLES, AppRole } from './config/app-config';
import { ConfigValidationError } from './config/environment.schema';

/** `--role=api|worker|both` (or `--role api`) wins over APP_ROLE. */
function roleFromArguments(argv: string[]): AppRole | undefined {
  const index = argv.findIndex((arg) => arg === '--role' || arg.startsWith('--role='));
  if (index < 0) return undefined;
  const value = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  if (!(APP_ROLES as readonly string[]).includes(value)) {
    throw new ConfigValidationError([`--role: must be one of ${APP_ROLES.join(', ')}, got "${value ?? ''}"`]);
  }
  return value as AppRole;
}

async function bootstrap(): Promise<void> {
  const { app, config } = await createApp({ role: roleFromArguments(process.argv.slice(2)) });
  const logger = new Logger('Bootstrap');
  // Graceful stop: finish running jobs, flush the outbox, close connections, then exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log({ message: `${signal} received, shutting down`, role: config.role });
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ message: 'shutdown failed', error: String(error) });
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.http.port, config.http.host);
  const address = await app.getUrl();
  logger.log({
    message: `PortoFino ${config.role} ready on ${address}`,
    role: config.role,
    database: config.database.kind,
    queue: config.queue.kind,
    events: config.events.kind,
  });
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
  } else {
    process.stderr.write(
      `PortoFino failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
