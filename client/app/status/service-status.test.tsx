import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { ServiceStatus } from './service-status';

function answerHealth(details: Record<string, { status: string; kind?: string }>) {
  const fetchMock = jest.fn(async () => ({ json: async () => ({ status: 'ok', details }) }) as unknown as Response);
  global.fetch = fetchMock as unknown as typeof fetch;
}

describe('ServiceStatus', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it.each([
    ['sqlite', 'SQLite (embedded)'],
    ['postgres', 'PostgreSQL'],
  ])('names the database by its kind (%s), not "TypeORM"', async (kind, shown) => {
    answerHealth({
      database: { status: 'up', kind },
      queue: { status: 'up', kind: 'in-process' },
      events: { status: 'up', kind: 'kafka' },
    });
    render(<ServiceStatus />);
    const table = await screen.findByRole('table', { name: 'Service dependencies' });
    const database = within(table).getByRole('row', { name: /database/ });
    expect(within(database).getAllByRole('cell')[1]).toHaveTextContent(shown);
    expect(table).not.toHaveTextContent('TypeORM');
    expect(within(within(table).getByRole('row', { name: /events/ })).getAllByRole('cell')[1]).toHaveTextContent(
      'Kafka',
    );
  });
});
