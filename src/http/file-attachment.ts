import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Readable } from 'node:stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI 200 of a workbook download: the .xlsx on success only (errors are JSON like everywhere else). */
export const ApiXlsxResponse = (): MethodDecorator & ClassDecorator =>
  ApiOkResponse({
    description: 'the workbook, as an attachment',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  });

/** A file answered as a download under `fileName` (a workbook unless `contentType` says otherwise). */
export function fileAttachment(file: {
  content: Buffer | Readable;
  fileName: string;
  contentType?: string;
  /** The length in bytes; a Buffer's own when not given. */
  size?: number;
}): StreamableFile {
  const { content } = file;
  const size = file.size ?? (Buffer.isBuffer(content) ? content.length : undefined);
  const options = {
    type: file.contentType ?? XLSX_CONTENT_TYPE,
    ...(size === undefined ? {} : { length: size }),
    disposition: `attachment; filename="${file.fileName}"`,
  };
  return Buffer.isBuffer(content) ? new StreamableFile(content, options) : new StreamableFile(content, options);
}
