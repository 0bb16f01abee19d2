import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, AppRole } from './app-config';
import { parseEnvironment } from './environment.schema';

const APP_CONFIG_KEY = 'portofino';

export interface AppConfigModuleOptions {
  /** Use these variables instead of process.env and .env (tests and tools). */
  env?: Record<string, string | undefined>;
  /** The --role flag, which wins over APP_ROLE. */
  role?: AppRole;
}

/**
 * Loads `.env` (through @nestjs/config), validates every variable once and provides the typed AppConfig.
 * A bad or missing variable stops the start-up with one line per problem.
 */
@Module({})
export class AppConfigModule {
  /**
   * Validates now (so the caller can pick infrastructure by it, e.g. Bull or in-process) and returns the
   * module that provides it. Throws ConfigValidationError listing every problem.
   */
  static async load(options: AppConfigModuleOptions = {}): Promise<{ module: DynamicModule; config: AppConfig }> {
    let config: AppConfig | undefined;
    const configModule = await ConfigModule.forRoot({
      cache: true,
      ignoreEnvFile: options.env !== undefined,
      envFilePath: '.env',
      validate: (env) => {
        config = parseEnvironment(options.env ?? (env as Record<string, string>), { role: options.role });
        return { [APP_CONFIG_KEY]: config };
      },
    });
    const module: DynamicModule = {
      module: AppConfigModule,
      global: true,
      imports: [configModule],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (configService: ConfigService) => configService.getOrThrow<AppConfig>(APP_CONFIG_KEY),
        },
      ],
      exports: [AppConfig],
    };
    if (!config) throw new Error('configuration was not validated');
    return { module, config };
  }
}
