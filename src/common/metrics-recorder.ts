import type { Server } from 'socket.io';

/**
 * What the infrastructure layers (queue, events, realtime) record, as an abstract class so that they stay
 * below the domain modules: the metrics module (src/modules/metrics) provides the implementation, globally.
 * A module graph without it (the CLI) records nothing.
 */
export abstract class MetricsRecorder {
  /** A job of `queue` started its first try `waitSeconds` after it was enqueued. */
  abstract jobStarted(queue: string, waitSeconds: number): void;

  /** The recovery sweep enqueued again, retried or failed a stranded job of `queue` (see JobRecovery). */
  abstract jobRecovered(queue: string, action: 'enqueued' | 'retried' | 'failed'): void;

  /** A batch of outbox events could not be published (the broker refused or was unreachable). */
  abstract eventPublishFailed(events: number): void;

  /** Socket.IO clients connected to each namespace of `server` are reported while it runs. */
  abstract watchSocketServer(server: Server): void;
}
