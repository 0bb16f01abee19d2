/** What a backing service (database, queue, event transport) reports to the readiness check. */
export interface DependencyState {
  up: boolean;
  kind: string;
  detail?: string;
}
