import { RequireSession } from '../lib/auth/session';

export default function WorkspacePage() {
  return (
    <RequireSession>
      <h1>Workspace</h1>
      <p className="muted">The command editor arrives here.</p>
    </RequireSession>
  );
}
