import { Controller, DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { makeHistogramProvider, PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { Public } from '../../common/public.decorator';
import { HTTP_REQUEST_DURATION, HttpMetricsMiddleware } from './http-metrics.middleware';

/** The library's /metrics controller, public: Prometheus scrapes without a token (keep the port internal). */
@Public()
@Controller()
export class PublicPrometheusController extends PrometheusController {}

/**
 * Prometheus at /metrics: default Node process metrics and the HTTP request-duration histogram.
 * Default metrics are collected once per process (several app instances may share one, as in tests).
 */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(): DynamicModule {
    const alreadyCollecting = register.getSingleMetric('process_cpu_user_seconds_total') !== undefined;
    return {
      module: MetricsModule,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          controller: PublicPrometheusController,
          defaultMetrics: { enabled: !alreadyCollecting },
        }),
      ],
      providers: [
        makeHistogramProvider({
          name: HTTP_REQUEST_DURATION,
          help: 'HTTP request duration in seconds, by route template, method and status class',
          labelNames: ['method', 'route', 'status_class'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        }),
        HttpMetricsMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
