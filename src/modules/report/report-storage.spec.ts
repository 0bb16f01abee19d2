import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { LocalReportStorage } from './report-storage';

describe('LocalReportStorage', () => {
  let root: string;
  let storage: LocalReportStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'portofino-storage-'));
    storage = new LocalReportStorage({ reports: { dir: root } } as AppConfig);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('puts, opens, removes a file (and its emptied directory); removing twice is fine', async () => {
    await storage.put('sim-1/report-1.xlsx', Buffer.from('workbook'));
    expect(readFileSync(join(root, 'sim-1', 'report-1.xlsx'), 'utf8')).toBe('workbook');
    expect(await storage.exists('sim-1/report-1.xlsx')).toBe(true);
    const opened = await storage.open('sim-1/report-1.xlsx');
    expect(opened?.size).toBe(8);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('workbook');
    await storage.remove('sim-1/report-1.xlsx');
    await storage.remove('sim-1/report-1.xlsx');
    expect(await storage.exists('sim-1/report-1.xlsx')).toBe(false);
    expect(await storage.open('sim-1/report-1.xlsx')).toBeNull();
    expect(await storage.exists('sim-1')).toBe(false);
  });

  it('refuses keys that would leave the directory', async () => {
    await expect(storage.put('../escape.xlsx', Buffer.from('x'))).rejects.toThrow('invalid report storage key');
    await expect(storage.open('a/../../b')).rejects.toThrow('invalid report storage key');
    await expect(storage.remove('/etc/passwd')).rejects.toThrow('invalid report storage key');
  });
});
