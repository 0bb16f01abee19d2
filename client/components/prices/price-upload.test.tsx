import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../lib/api/client';
import { apiAnswer } from '../../test-support/api-answer';
import { PriceUpload } from './price-upload';

jest.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams('') }));
const post = jest.spyOn(api, 'POST');

const YAHOO = [
  'Date,Open,High,Low,Close,Adj Close,Volume',
  '2024-01-02,187.15,188.44,183.89,185.64,185.11,82488700',
  '2024-01-03,184.22,185.88,183.43,184.25,183.73,58414500',
].join('\n');

const csvFile = (text: string, name = 'MYFUND.csv') => new File([text], name, { type: 'text/csv' });

beforeEach(() => {
  post.mockReset();
});

describe('PriceUpload', () => {
  it("previews Yahoo's export as it will be stored, takes the ticker from the file name, and uploads it", async () => {
    post.mockImplementation(
      () =>
        apiAnswer(201, {
          ticker: 'MYFUND',
          source: 'upload',
          rows: 2,
          available: { start: '2024-01-02', end: '2024-01-03' },
        }) as never,
    );
    render(<PriceUpload />);
    await userEvent.upload(screen.getByLabelText('CSV file'), csvFile(YAHOO));
    const table = await screen.findByRole('table', { name: 'Parsed rows' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['DateCloseAdjusted close', '2024-01-02185.64185.11', '2024-01-03184.25183.73']);
    expect(screen.getByLabelText('Preview')).toHaveTextContent('2 good rows from 2024-01-02 to 2024-01-03');
    expect(screen.getByLabelText('Preview')).toHaveTextContent('not used: Open, High, Low, Volume');
    expect(screen.getByRole('textbox', { name: 'Ticker' })).toHaveValue('MYFUND');

    await userEvent.click(screen.getByRole('button', { name: 'Upload prices' }));
    expect(post).toHaveBeenCalledWith(
      '/assets/{ticker}/prices',
      expect.objectContaining({
        params: { path: { ticker: 'MYFUND' } },
        body: YAHOO,
        headers: { 'content-type': 'text/csv' },
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Stored 2 rows of MYFUND, from 2024-01-02 to 2024-01-03.',
    );
    expect(screen.getByRole('link', { name: 'Backtest MYFUND in the workspace' })).toHaveAttribute(
      'href',
      `/?command=${encodeURIComponent('MYFUND-L-100% 2024-01-02 2024-01-03')}`,
    );
  });

  it('names every bad line of a dropped semicolon file and does not offer to upload it', async () => {
    render(<PriceUpload />);
    const text = 'date;close\n2024-01-02;101,5\n0000-01-03;100\n2024-01-04;1e-320\n2024-01-05;abc\n';
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csvFile(text, 'fund.csv')] } });
    const bad = await screen.findByRole('list', { name: 'Bad lines' });
    expect(
      within(bad)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Line 3: date 0000-01-03 is before 1600-01-01: not a plausible trading day',
      'Line 4: close 1e-320 is not a plausible price (between 1e-9 and 1e+12)',
      'Line 5: close "abc" is not a positive number',
    ]);
    expect(screen.getByLabelText('Preview')).toHaveTextContent('semicolon-separated with decimal commas');
    await userEvent.type(screen.getByRole('textbox', { name: 'Ticker' }), 'fund');
    expect(screen.getByRole('button', { name: 'Upload prices' })).toBeDisabled();
    expect(post).not.toHaveBeenCalled();
  });

  it("lists the server's bad lines when it refuses the file", async () => {
    post.mockImplementation(
      () =>
        apiAnswer(400, {
          status: 400,
          error: 'UPLOAD_INVALID',
          message: 'the CSV has 1 bad line; nothing was stored: line 2: date 2030-01-02 is in the future',
          details: [{ line: 2, message: 'date 2030-01-02 is in the future' }],
          requestId: 'r',
        }) as never,
    );
    render(<PriceUpload />);
    await userEvent.upload(screen.getByLabelText('CSV file'), csvFile('date,close\n2024-01-02,10\n', 'X.csv'));
    await screen.findByRole('table', { name: 'Parsed rows' });
    await userEvent.click(screen.getByRole('button', { name: 'Upload prices' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The prices were not stored: the CSV has 1 bad line');
    expect(within(alert).getByRole('list', { name: 'Bad lines the server found' })).toHaveTextContent(
      'Line 2: date 2030-01-02 is in the future',
    );
  });
});
