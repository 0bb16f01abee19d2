import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { Public } from '../common/public.decorator';
import { ErrorResponse } from '../http/error-response';
import { DependencyHealthIndicator } from './dependency-health.indicator';

/** Readiness failed: the error shape's details list every dependency with its state. */
class NotReadyError extends DomainError {
  readonly code = 'NOT_READY';
  readonly httpStatus = 503;
  override readonly retryable = true;
}

type DependencyReport = Record<string, { status: string; [field: string]: unknown }>;

/** Public: probes carry no token. */
@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly dependencies: DependencyHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: every dependency (database, queue, events) with its state; 503 if one is down' })
  @ApiOkResponse({ description: 'all dependencies up' })
  @ApiServiceUnavailableResponse({
    description: 'a dependency is down: ErrorResponse with code NOT_READY, details list every dependency',
    type: ErrorResponse,
  })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        // The checks run in parallel, each bounded (500 ms), so readiness answers within a second whatever is down.
        () => this.databaseCheck(),
        () => this.dependencies.queue(),
        () => this.dependencies.events(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = (error.getResponse() as { details: DependencyReport }).details;
      const down = Object.entries(report).filter(([, state]) => state.status !== 'up');
      throw new NotReadyError(
        `not ready: ${down.map(([name, state]) => `${name} ${state.status}${state.detail ? ` (${String(state.detail)})` : ''}`).join(', ')}`,
        Object.entries(report).map(([dependency, state]) => ({ dependency, ...state })),
      );
    }
  }

  /** The database ping, named with its kind (sqlite or postgres) like the queue and the events. */
  private async databaseCheck(): Promise<HealthIndicatorResult> {
    const result = await this.database.pingCheck('database', { timeout: 500 });
    return { database: { ...result.database, kind: this.config.database.kind } };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok', uptimeSeconds: 12.5 } } })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: process.uptime() };
  }
}
