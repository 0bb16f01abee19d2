import { CreateEventOutbox1764000000000 } from './1764000000000-create-event-outbox';
import { CreateUsersAndRefreshTokens1764100000000 } from './1764100000000-create-users-and-refresh-tokens';
import { CreateSimulations1764300000000 } from './1764300000000-create-simulations';
import { CreateMarketData1764400000000 } from './1764400000000-create-market-data';
import { CreateReports1764600000000 } from './1764600000000-create-reports';
import { StoreResultsUncompressed1764700000000 } from './1764700000000-store-results-uncompressed';
import { AccountForeignKeys1764800000000 } from './1764800000000-account-foreign-keys';
import { IndexUnfinishedWork1764810000000 } from './1764810000000-index-unfinished-work';
import { CreateComparisons1764830000000 } from './1764830000000-create-comparisons';
import { CreateShareLinks1764900000000 } from './1764900000000-create-share-links';
import { CreateProjections1764910000000 } from './1764910000000-create-projections';
import { CreateStudies1764920000000 } from './1764920000000-create-studies';
import { StoreSimulationTickersOnce1764930000000 } from './1764930000000-store-simulation-tickers-once';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  CreateEventOutbox1764000000000,
  CreateUsersAndRefreshTokens1764100000000,
  CreateSimulations1764300000000,
  CreateMarketData1764400000000,
  CreateReports1764600000000,
  StoreResultsUncompressed1764700000000,
  AccountForeignKeys1764800000000,
  IndexUnfinishedWork1764810000000,
  // In timestamp order (TypeORM runs them so): after the projections' 1764820000000, before the share links.
  CreateComparisons1764830000000,
  CreateShareLinks1764900000000,
  CreateProjections1764910000000,
  CreateStudies1764920000000,
  StoreSimulationTickersOnce1764930000000,
];
