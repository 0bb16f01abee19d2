import { parseCommand } from '../../engine';
import { decodeStoredCommand, encodeStoredCommand } from './stored-command.codec';

describe('stored command codec', () => {
  it('reads back the command the parser gave, field for field', () => {
    const parsed = parseCommand('AAPL-L-60% MSFT-S-40% 2020-01-01 2021-01-01 rebalance=monthly benchmark=^GSPC');
    if (!parsed.ok) throw new Error('the command should parse');
    const decoded = decodeStoredCommand(encodeStoredCommand(parsed.command));
    expect(decoded).toEqual(parsed.command);
    expect(decoded.positions).toEqual([
      { ticker: 'AAPL', side: 'L', weightPercent: 60 },
      { ticker: 'MSFT', side: 'S', weightPercent: 40 },
    ]);
    expect(decoded.options.rebalance).toEqual({ kind: 'periodic', frequency: 'monthly' });
  });

  it('refuses JSON that is not a command', () => {
    expect(() => decodeStoredCommand('{"positions":[],"start":"2020-01-01"}')).toThrow(/not a command/);
    expect(() => decodeStoredCommand('null')).toThrow(/not a command/);
  });
});
