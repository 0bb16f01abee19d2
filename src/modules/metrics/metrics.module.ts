import { Controller, DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { MetricsRecorder } from '../../common/metrics-recorder';
import { Public } from '../../common/public.decorator';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsCollector } from './metrics.collector';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/** The library's /metrics controller, public: Prometheus scrapes without a token (keep the port internal). */
@Public()
@Controller()
export class PublicPrometheusController extends PrometheusController {}

/**
 * MetricsService for the modules that record (import MetricsModule). The metrics themselves live in
 * prom-client's process-wide registry, so every instance of the service records into the same series.
 */
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {
  /**
   * The app's metrics endpoint: Prometheus at /metrics (API and worker alike) with the default Node process
   * metrics, the HTTP request-duration histogram, scrape-time queue and outbox gauges, and MetricsRecorder for
   * the infrastructure layers. Default metrics are collected once per process (tests run several apps in one).
   */
  static forRoot(): DynamicModule {
    const alreadyCollecting = register.getSingleMetric('process_cpu_user_seconds_total') !== undefined;
    return {
      module: MetricsEndpointModule,
      global: true,
      imports: [
        MetricsModule,
        PrometheusModule.register({
          path: '/metrics',
          controller: PublicPrometheusController,
          defaultMetrics: { enabled: !alreadyCollecting },
        }),
      ],
      providers: [
        { provide: MetricsRecorder, useExisting: MetricsService },
        MetricsRepository,
        MetricsCollector,
        HttpMetricsMiddleware,
      ],
      exports: [MetricsModule, MetricsRecorder],
    };
  }
}

@Module({})
export class MetricsEndpointModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
