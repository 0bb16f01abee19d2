import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../lib/api/client';
import type { LiveProgress } from '../../lib/realtime/live-progress';
import { DownloadReport } from './download-report';
import { fileNameFromDisposition } from './save-file';
import { apiAnswer } from '../../test-support/api-answer';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn() } };
});

jest.mock('../../lib/auth/token-store', () => ({
  accessTokenNow: () => 'access-token',
  refreshSession: () => Promise.resolve(null),
}));

let mockLive: LiveProgress | null = null;
jest.mock('../../lib/realtime/live-progress', () => {
  const actual = jest.requireActual<typeof import('../../lib/realtime/live-progress')>(
    '../../lib/realtime/live-progress',
  );
  return { ...actual, useLiveProgress: (_kind: string, id: string | null) => (id ? mockLive : null) };
});

type Call = (path: string, init?: object) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;
const answer = apiAnswer;

const SIMULATION = '24b212c6-5c2f-48e3-be8e-e3f4428ac8d9';
const REPORT = '98982d20-060d-4568-9c5e-770773d4bd16';
const FILE = 'portofino-aapl-l-50pct-jnj-l-30pct-ko-s-20pct-2021-11-01-2022-03-31-2026-11-24.xlsx';

function report(status: 'queued' | 'running' | 'completed' | 'failed', failureReason: string | null = null) {
  return {
    reportId: REPORT,
    simulationId: SIMULATION,
    status,
    progress: { percent: status === 'completed' ? 100 : 40, phase: 'writing sheets' },
    fileName: status === 'completed' ? FILE : null,
    downloadUrl: status === 'completed' ? `/report/${REPORT}/download` : null,
    failureReason,
    failureCode: null,
    sizeBytes: null,
    createdAt: '2026-11-24T06:01:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
}

const fetchMock = jest.fn<typeof fetch>();
const clicked: { href: string; download: string }[] = [];

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  fetchMock.mockReset();
  clicked.length = 0;
  mockLive = null;
  global.fetch = fetchMock;
  URL.createObjectURL = jest.fn(() => 'blob:workbook');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  // jsdom has no Response: the parts of one the download reads.
  fetchMock.mockResolvedValue({
    ok: true,
    status: 200,
    headers: { get: (name: string) => (name === 'Content-Disposition' ? `attachment; filename="${FILE}"` : null) },
    blob: () => Promise.resolve(new Blob(['PK…'])),
  } as unknown as Response);
});

afterEach(() => {
  jest.restoreAllMocks();
});

function renderButton() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tree = () => (
    <QueryClientProvider client={client}>
      <DownloadReport simulationId={SIMULATION} />
    </QueryClientProvider>
  );
  const rendered = render(tree());
  return { rerenderSame: () => rendered.rerender(tree()) };
}

describe('DownloadReport', () => {
  it('downloads an existing report at once, under the server’s file name, with the access token', async () => {
    POST.mockImplementation(() =>
      answer(202, { reportId: REPORT, simulationId: SIMULATION, taskId: REPORT, status: 'completed', created: false }),
    );
    GET.mockImplementation(() => answer(200, report('completed')));
    renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Download XLSX' }));

    expect(await screen.findByRole('status')).toHaveTextContent(`Downloaded ${FILE}`);
    expect(POST).toHaveBeenCalledWith('/report', { body: { simulationId: SIMULATION, force: false } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`http://localhost/report/${REPORT}/download`);
    expect(init?.headers).toEqual({ Authorization: 'Bearer access-token' });
    expect(clicked).toEqual([{ href: 'blob:workbook', download: FILE }]);
  });

  it('follows a new report’s progress, ignores clicks meanwhile, and downloads it when completed', async () => {
    POST.mockImplementation(() =>
      answer(202, { reportId: REPORT, simulationId: SIMULATION, taskId: REPORT, status: 'queued', created: true }),
    );
    GET.mockImplementation(() => answer(200, report('running')));
    mockLive = { status: 'running', phase: 'writing sheets', percent: 40, failureReason: null };
    const { rerenderSame } = renderButton();

    const button = screen.getByRole('button', { name: 'Download XLSX' });
    await userEvent.click(button);
    const bar = await screen.findByRole('progressbar', { name: 'Report progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    await userEvent.click(button);
    expect(POST).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();

    mockLive = { status: 'completed', phase: 'done', percent: 100, failureReason: null };
    GET.mockImplementation(() => answer(200, report('completed')));
    await act(async () => rerenderSame());
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:workbook', download: FILE }]));
    expect(POST).toHaveBeenCalledTimes(1);
  });

  it('says why in words when the report fails, and builds a fresh one on the next click', async () => {
    POST.mockImplementation(() =>
      answer(202, { reportId: REPORT, simulationId: SIMULATION, taskId: REPORT, status: 'queued', created: true }),
    );
    GET.mockImplementation(() => answer(200, report('failed', 'the disk is full')));
    renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Download XLSX' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The report failed: the disk is full');

    await userEvent.click(screen.getByRole('button', { name: 'Download XLSX' }));
    await waitFor(() => expect(POST).toHaveBeenCalledTimes(2));
    expect(POST).toHaveBeenLastCalledWith('/report', { body: { simulationId: SIMULATION, force: true } });
  });
});

describe('fileNameFromDisposition', () => {
  it('reads the quoted, bare and UTF-8 forms', () => {
    expect(fileNameFromDisposition('attachment; filename="a b.xlsx"')).toBe('a b.xlsx');
    expect(fileNameFromDisposition('attachment; filename=report.xlsx')).toBe('report.xlsx');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.xlsx")).toBe('résumé.xlsx');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
