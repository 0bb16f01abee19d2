/**
 * Every Kafka topic PortoFino owns, created at start-up. Topics are part of the public contract with other
 * teams: a breaking change of an event's schema gets a new topic version (…v2), never an in-place edit.
 */
export const EVENT_TOPICS = {
  simulation: 'portofino.simulation.events.v1',
  history: 'portofino.history.events.v1',
  report: 'portofino.report.events.v1',
  account: 'portofino.account.events.v1',
  projection: 'portofino.projection.events.v1',
  sharing: 'portofino.sharing.events.v1',
  comparison: 'portofino.comparison.events.v1',
  study: 'portofino.study.events.v1',
} as const;

export type EventTopic = (typeof EVENT_TOPICS)[keyof typeof EVENT_TOPICS];

export const ALL_EVENT_TOPICS: readonly string[] = Object.values(EVENT_TOPICS);
