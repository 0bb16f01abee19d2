import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../lib/api/client';
import { DownloadButton } from './download-button';
import { saveResponse } from './save-file';

/** A save the test settles by hand, to look at the button while it is under way. */
function pendingSave() {
  let settle: { resolve: (fileName: string) => void; reject: (error: unknown) => void } | undefined;
  const save = jest.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return {
    save,
    resolve: (fileName: string) => settle?.resolve(fileName),
    reject: (error: unknown) => settle?.reject(error),
  };
}

describe('DownloadButton', () => {
  it('says it is preparing, ignores clicks meanwhile, then names the saved file', async () => {
    const { save, resolve } = pendingSave();
    render(<DownloadButton label="Download XLSX" thing="workbook" save={save} />);
    const button = screen.getByRole('button', { name: 'Download XLSX' });
    expect(button).toHaveAttribute('aria-busy', 'false');
    expect(button).toHaveClass('button', 'secondary');

    await userEvent.click(button);
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the workbook…');
    expect(button).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(button);
    expect(save).toHaveBeenCalledTimes(1);

    resolve('portofino-study.xlsx');
    expect(await screen.findByText('Downloaded portofino-study.xlsx')).toHaveAttribute('role', 'status');
    expect(button).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why in words when the download fails, and tries again on the next click', async () => {
    const { save, reject, resolve } = pendingSave();
    render(<DownloadButton label="Download tearsheet" thing="tearsheet" primary save={save} />);
    const button = screen.getByRole('button', { name: 'Download tearsheet' });
    expect(button).not.toHaveClass('secondary');

    await userEvent.click(button);
    reject(new ApiError(404, 'SHARE_LINK_NOT_FOUND', 'This link does not exist or was revoked.'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The tearsheet could not be downloaded: This link does not exist or was revoked.',
    );
    expect(screen.queryByRole('status')).toBeNull();

    await userEvent.click(button);
    expect(save).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
    resolve('portofino-tearsheet.html');
    expect(await screen.findByText('Downloaded portofino-tearsheet.html')).toHaveAttribute('role', 'status');
  });
});

describe('saveResponse', () => {
  const clicked: { href: string; download: string }[] = [];

  beforeEach(() => {
    clicked.length = 0;
    URL.createObjectURL = jest.fn(() => 'blob:file');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  // jsdom has no Response: the parts of one saveResponse reads.
  const response = (disposition: string | null) =>
    ({
      headers: { get: (name: string) => (name === 'Content-Disposition' ? disposition : null) },
      blob: () => Promise.resolve(new Blob(['PK…'])),
    }) as unknown as Response;

  it('saves under the server’s name, else under the fallback, and returns the name', async () => {
    await expect(saveResponse(response('attachment; filename="a.xlsx"'), 'fallback.xlsx')).resolves.toBe('a.xlsx');
    await expect(saveResponse(response(null), 'fallback.xlsx')).resolves.toBe('fallback.xlsx');
    expect(clicked).toEqual([
      { href: 'blob:file', download: 'a.xlsx' },
      { href: 'blob:file', download: 'fallback.xlsx' },
    ]);
  });
});
