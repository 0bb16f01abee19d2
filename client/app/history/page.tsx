import { RequireSession } from '../../lib/auth/session';

export default function HistoryPage() {
  return (
    <RequireSession>
      <h1>History</h1>
    </RequireSession>
  );
}
