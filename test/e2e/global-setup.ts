// The transpiled server every test file starts (scripts/test-server-build.js), built once before the workers start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTestServerBuild } = require('../../scripts/test-server-build.js') as { ensureTestServerBuild(): string };

export default function globalSetup(): void {
  ensureTestServerBuild();
}
