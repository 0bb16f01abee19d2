import { ConsoleLogger, LogLevel } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

const SEVERITY: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Structured logs: one JSON object a line (LOG_FORMAT=json) or coloured text, from LOG_LEVEL up. */
export function createLogger(log: AppConfig['log']): ConsoleLogger {
  return new ConsoleLogger('PortoFino', {
    json: log.format === 'json',
    colors: log.format === 'pretty',
    logLevels: SEVERITY.slice(0, SEVERITY.indexOf(log.level) + 1),
  });
}
