import { beforeAll, describe, expect, it } from '@jest/globals';
import { SyntheticPriceSource } from '../../../test/support/synthetic-prices';
import {
  commandSeriesNeeds,
  type ComparisonOutcome,
  mergePriceSeries,
  parseCommandOrThrow,
  runComparison,
} from '../../engine';
import { ComparisonNotFoundError } from '../comparison/comparison.errors';
import type { ComparisonService } from '../comparison/comparison.service';
import type { ComparisonRecord } from '../comparison/comparison.types';
import { ComparisonWorkbookService } from './comparison-workbook.service';
import { XLSX_CONTENT_TYPE } from '../../http/file-attachment';

const OWNER = 'user-1';
const MEMBERS = [
  { name: 'Tech', named: true, command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2020-12-31' },
  { name: 'Portfolio 2', named: false, command: 'KO-L-100% 2020-01-01 2020-12-31' },
];
let outcome: ComparisonOutcome;

beforeAll(async () => {
  const prices = new SyntheticPriceSource();
  const members = MEMBERS.map((member) => {
    const parsed = parseCommandOrThrow(member.command);
    return { ...member, canonical: parsed.canonical, parsed: parsed.command };
  });
  const matrices = await Promise.all(
    members.map(async (member) => mergePriceSeries((await prices.load(commandSeriesNeeds(member.parsed).load)).series)),
  );
  outcome = runComparison(members, matrices, 'common');
});

function comparison(overrides: Partial<ComparisonRecord> = {}): ComparisonRecord {
  return {
    id: '00000000-0000-4000-8000-0000000000c7',
    userId: OWNER,
    status: 'completed',
    periodMode: 'common',
    members: MEMBERS.map((member) => ({ ...member, canonical: member.command })),
    simulationIds: null,
    progress: { phase: 'done', percent: 100 },
    failureReason: null,
    failureCode: null,
    failureMember: null,
    result: outcome,
    createdAt: new Date(0),
    startedAt: new Date(0),
    finishedAt: new Date(0),
    ...overrides,
  };
}

function service(stored: ComparisonRecord) {
  const comparisons: Pick<ComparisonService, 'getOwned'> = {
    getOwned: async (userId, id) => {
      if (userId !== stored.userId || id !== stored.id) throw new ComparisonNotFoundError(id);
      return stored;
    },
  };
  return new ComparisonWorkbookService(comparisons as ComparisonService);
}

/** ComparisonWorkbookService: the owner's completed comparison as a workbook; builds one at a time, whatever fails. */
describe('ComparisonWorkbookService', () => {
  it('builds the owner’s completed comparison, named after its members and the day', async () => {
    const stored = comparison();
    const workbook = await service(stored).forOwner(OWNER, stored.id);
    expect(workbook.content.subarray(0, 2).toString()).toBe('PK');
    expect(workbook.contentType).toBe(XLSX_CONTENT_TYPE);
    expect(workbook.fileName).toMatch(/^portofino-comparison-tech-vs-portfolio-2-\d{4}-\d\d-\d\d\.xlsx$/);
  });

  it('refuses someone else’s comparison (404) and one not completed (409)', async () => {
    const running = comparison({ status: 'running', result: null });
    await expect(service(running).forOwner('user-2', running.id)).rejects.toMatchObject({
      code: 'COMPARISON_NOT_FOUND',
      httpStatus: 404,
    });
    await expect(service(running).forOwner(OWNER, running.id)).rejects.toMatchObject({
      code: 'COMPARISON_NOT_COMPLETED',
      httpStatus: 409,
    });
  });

  it('builds requests one after another: a build that fails does not hold up the next in line', async () => {
    const workbooks = service(comparison());
    const broken = comparison({
      result: { ...outcome, members: [{ ...outcome.members[0], series: undefined }] } as unknown as ComparisonOutcome,
    });
    const [first, failed, third] = await Promise.allSettled([
      workbooks.build(comparison()),
      workbooks.build(broken),
      workbooks.build(comparison()),
    ]);
    expect([first.status, failed.status, third.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
