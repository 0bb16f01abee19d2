import { WebSocketGateway } from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport } from '../../events/event-transport';
import { OwnedProgressGateway } from '../../realtime/owned-progress.gateway';
import { MetricsService } from '../metrics/metrics.service';
import { STUDY_EVENTS } from './study.events';
import { StudyService } from './study.service';
import type { StudyProgress } from './study.types';

/** What a subscriber receives first. */
export interface StudyState {
  studyId: string;
  status: string;
  progress: StudyProgress;
  failureReason: string | null;
}

/**
 * Namespace /studies: `requested`, `started`, `progress` (chunks done, candidates evaluated), `completed` and
 * `failed` for all of the user's studies, and `subscribe { studyId }` for the current state.
 */
@WebSocketGateway({ namespace: '/studies' })
export class StudiesGateway extends OwnedProgressGateway<StudyState> {
  constructor(
    config: AppConfig,
    transport: EventTransport,
    metrics: MetricsService,
    private readonly studies: StudyService,
  ) {
    super(
      {
        namespace: '/studies',
        topic: EVENT_TOPICS.study,
        subjectField: 'studyId',
        subjectName: 'study',
        messageByEvent: {
          [STUDY_EVENTS.requested]: 'requested',
          [STUDY_EVENTS.started]: 'started',
          [STUDY_EVENTS.progress]: 'progress',
          [STUDY_EVENTS.completed]: 'completed',
          [STUDY_EVENTS.failed]: 'failed',
        },
      },
      config,
      transport,
      () => metrics.gatewayEventConsumed('/studies'),
    );
  }

  protected async loadState(studyId: string): Promise<{ userId: string; state: StudyState } | null> {
    const study = await this.studies.findSummary(studyId);
    if (!study) return null;
    return {
      userId: study.userId,
      state: { studyId, status: study.status, progress: study.progress, failureReason: study.failureReason },
    };
  }
}
