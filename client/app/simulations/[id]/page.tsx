import { RequireSession } from '../../../lib/auth/session';

export default function SimulationPage() {
  return (
    <RequireSession>
      <h1>Simulation</h1>
    </RequireSession>
  );
}
