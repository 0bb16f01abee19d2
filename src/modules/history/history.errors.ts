import { DomainError } from '../../common/domain-error';

/** Unknown id, or another user's: the same answer, so ids reveal nothing. */
export class SimulationNotFoundError extends DomainError {
  readonly code = 'SIMULATION_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`simulation ${id} not found`);
  }
}
