import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '@engine/command/command.parser';
import { render, screen, within } from '@testing-library/react';
import { CommandErrors } from './command-errors';

const errorsOf = (command: string) => {
  const result = parseCommand(command);
  if (result.ok) throw new Error(`expected ${command} to be invalid`);
  return result.errors;
};

describe('CommandErrors', () => {
  it("lists the parser's message and hint for a wrong side", () => {
    render(<CommandErrors errors={errorsOf('AAPL-X-50% MSFT-L-50% 2020-01-01 2022-12-28')} />);
    const alert = screen.getByRole('alert', { name: 'Command errors' });
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('AAPL-X-50%: side must be L or S (column 1)');
    expect(items[0]).toHaveTextContent('Write AAPL-L-50% for long or AAPL-S-50% for short');
  });

  it('lists every error in column order, with "did you mean" hints', () => {
    render(<CommandErrors errors={errorsOf('AAPL-L-100% 2020-13-01 2022-12-28 rebalance=montly')} />);
    const items = within(screen.getByRole('alert', { name: 'Command errors' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '2020-13-01: 2020-13-01 is not a calendar date (column 13)The month is between 01 and 12',
      'rebalance=montly: rebalance montly is not a rebalancing rule (column 35)Did you mean rebalance=monthly?',
    ]);
  });

  it('writes messages that do not start with a token as sentences', () => {
    render(<CommandErrors errors={errorsOf('AAPL-L-100%')} />);
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Missing start and end dates (column 12)Add two dates after the positions, e.g. 2020-01-01 2023-01-01',
    );
  });

  it('keeps an empty alert region when there are no errors', () => {
    render(<CommandErrors errors={[]} />);
    const alert = screen.getByRole('alert', { name: 'Command errors' });
    expect(alert).toBeEmptyDOMElement();
  });
});
