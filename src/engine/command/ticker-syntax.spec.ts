import { describe, expect, it } from '@jest/globals';
import { parseCommand } from './command.parser';
import { isTickerSyntax, TICKER_MAX_LENGTH } from './ticker-syntax';

describe('ticker syntax', () => {
  it('reads Yahoo’s spellings in either case, and refuses anything else', () => {
    for (const ticker of [
      'AAPL',
      '^GSPC',
      'BRK-B',
      'BRK.B',
      '7203.T',
      'EURUSD=X',
      'aapl',
      'A'.repeat(TICKER_MAX_LENGTH),
    ]) {
      expect([ticker, isTickerSyntax(ticker)]).toEqual([ticker, true]);
    }
    for (const ticker of ['', '^', 'BRK--B', '.T', 'A B', 'ÄPFEL', '^^GSPC', 'A'.repeat(TICKER_MAX_LENGTH + 1)]) {
      expect([ticker, isTickerSyntax(ticker)]).toEqual([ticker, false]);
    }
  });

  it('is the parser’s: a position’s ticker parses exactly when it has the syntax', () => {
    for (const ticker of ['AAPL', 'BRK.B', 'EURUSD=X', '^GSPC', 'BRK..B', 'A'.repeat(TICKER_MAX_LENGTH + 1)]) {
      const parsed = parseCommand(`${ticker}-L-100% 2020-01-01 2021-01-01`);
      expect([ticker, parsed.ok]).toEqual([ticker, isTickerSyntax(ticker)]);
    }
  });
});
