import { describe, expect, it } from '@jest/globals';
import { envelopeHeaders, toEnvelope } from './event-envelope';

const at = new Date('2026-12-03T18:00:00.000Z');

describe('event envelopes', () => {
  it('carry correlationId and causationId, in the JSON and the headers, when the event has them', () => {
    const envelope = toEnvelope(
      {
        topic: 'portofino.history.events.v1',
        key: 'sim-1',
        type: 'history.created',
        version: 1,
        userId: 'user-1',
        subject: { simulationId: 'sim-1' },
        data: { cagr: 0.1 },
        id: 'event-2',
        correlationId: 'sim-1',
        causationId: 'event-1',
      },
      at,
    );
    expect(envelope).toEqual({
      id: 'event-2',
      type: 'history.created',
      version: 1,
      occurredAt: '2026-12-03T18:00:00.000Z',
      userId: 'user-1',
      simulationId: 'sim-1',
      correlationId: 'sim-1',
      causationId: 'event-1',
      data: { cagr: 0.1 },
    });
    expect(envelopeHeaders(envelope)).toEqual({
      'content-type': 'application/json',
      'event-id': 'event-2',
      'event-type': 'history.created',
      'event-version': '1',
      'correlation-id': 'sim-1',
      'causation-id': 'event-1',
    });
  });

  it('stay as before for an event without them (a new id, no correlation fields or headers)', () => {
    const envelope = toEnvelope(
      { topic: 't', key: 'k', type: 'simulation.requested', version: 1, data: {}, causationId: undefined },
      at,
    );
    expect(Object.keys(envelope)).toEqual(['id', 'type', 'version', 'occurredAt', 'userId', 'data']);
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(envelopeHeaders(envelope))).toEqual(['content-type', 'event-id', 'event-type', 'event-version']);
  });

  it('send a null causationId in the JSON but no causation-id header', () => {
    const envelope = toEnvelope(
      {
        topic: 't',
        key: 'r-1',
        type: 'report.requested',
        version: 1,
        data: {},
        correlationId: 'r-1',
        causationId: null,
      },
      at,
    );
    expect(envelope.causationId).toBeNull();
    expect(envelopeHeaders(envelope)['correlation-id']).toBe('r-1');
    expect('causation-id' in envelopeHeaders(envelope)).toBe(false);
  });
});
