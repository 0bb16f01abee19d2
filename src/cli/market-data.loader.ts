import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule } from '../config/app-config.module';
import { DatabaseModule } from '../database/database.module';
import { parseCommand } from '../engine/command/command.parser';
import { commandSeriesNeeds } from '../engine/command/command-series';
import type { PortfolioCommand } from '../engine/command/command.types';
import { mergePriceSeries, PriceMatrix } from '../engine/market/price-matrix';
import { MarketDataModule } from '../modules/market-data/market-data.module';
import { MarketDataService } from '../modules/market-data/market-data.service';
import { loadCommandPrices } from '../modules/simulation/market-data.price-source';

export const PRICE_SOURCES = ['sample', 'yahoo', 'db'] as const;
export type CliPriceSource = (typeof PRICE_SOURCES)[number];

@Module({})
class CliMarketDataModule {}

/**
 * Prices for `--source yahoo|db`: the market-data module on the configured database (.env / environment),
 * Yahoo only (stored, gap-filled) or only what the database already holds. The tickers and dates come from
 * the command; a command that does not parse is left to runSimulate to report.
 */
export async function loadMarketPrices(source: 'yahoo' | 'db', input: string): Promise<PriceMatrix | undefined> {
  const parsed = parseCommand(input);
  if (!parsed.ok) return undefined;
  const { command } = parsed;
  const { module: configModule } = await AppConfigModule.load({
    env: { ...process.env, MARKET_DATA_PROVIDERS: source === 'yahoo' ? 'yahoo' : 'yahoo,sample', LOG_LEVEL: 'error' },
  });
  const app = await NestFactory.createApplicationContext(
    { module: CliMarketDataModule, imports: [configModule, DatabaseModule, MarketDataModule] },
    { logger: ['error'] },
  );
  try {
    return await commandPrices(app.get(MarketDataService), source, command);
  } finally {
    await app.close();
  }
}

/**
 * The command's prices by the server's loading rule (loadCommandPrices, as a simulation job loads them): with the
 * last price before the start, and an FB= base with no price in the range left empty so its fallback runs.
 */
export async function commandPrices(
  marketData: Pick<MarketDataService, 'getPrices'>,
  source: 'yahoo' | 'db',
  command: PortfolioCommand,
): Promise<PriceMatrix> {
  const { load, mayBeEmpty } = commandSeriesNeeds(command);
  const loaded = await loadCommandPrices(
    marketData,
    load,
    { start: command.start, end: command.end },
    { storedOnly: source === 'db', lookBack: true, mayBeEmpty },
  );
  return mergePriceSeries(loaded.series);
}
