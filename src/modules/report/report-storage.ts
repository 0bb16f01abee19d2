import { Injectable, Logger } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';

/**
 * Where report files live. A key is a relative name chosen by the report module (`<simulationId>/<reportId>.xlsx`);
 * the storage decides where it goes. Local directory today; an object store implements the same four calls.
 */
export abstract class ReportStorage {
  abstract put(key: string, content: Buffer): Promise<void>;
  /** A stream of the file, or null when it does not exist. */
  abstract open(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the file; removing one that does not exist is not an error. */
  abstract remove(key: string): Promise<void>;
  abstract exists(key: string): Promise<boolean>;
}

const SAFE_KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Files under REPORTS_DIR (default data/reports; a volume in docker-compose). */
@Injectable()
export class LocalReportStorage extends ReportStorage {
  private readonly logger = new Logger(LocalReportStorage.name);
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.reports.dir);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
      throw new Error(`invalid report storage key: ${key}`);
    }
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid report storage key: ${key}`);
    return path;
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside then renamed: a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, content);
    await rename(partial, path);
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    // Drop the simulation's directory once it is empty (best effort).
    await rmdir(dirname(path)).catch(() => undefined);
    this.logger.debug({ message: 'report file removed', key });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
