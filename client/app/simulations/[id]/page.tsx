import type { Metadata } from 'next';
import { SimulationResults } from '../../../components/results/simulation-results';
import { RequireSession } from '../../../lib/auth/session';

export const metadata: Metadata = { title: 'Simulation results' };

/** /simulations/{id}: the stable address of one simulation's results. */
export default async function SimulationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSession>
      <SimulationResults id={id} />
    </RequireSession>
  );
}
