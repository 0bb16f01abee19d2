import { PreviewSession } from '@engine/preview/preview.session';
import type { ToPreviewWorker } from './preview-protocol';
import { handlePreviewMessage } from './preview-worker-core';

// The live preview's Web Worker: the engine runs here, so typing never waits for a simulation. (`self` is the
// worker's global scope at run time; its postMessage takes the same { transfer } options as a window's.)
const session = new PreviewSession();

self.onmessage = (event: MessageEvent<ToPreviewWorker>) => {
  for (const reply of handlePreviewMessage(session, event.data)) {
    self.postMessage(reply.message, { transfer: reply.transfer });
  }
};
