import type { FromPreviewWorker, PreviewPort } from './preview-protocol';

/**
 * The preview worker. The `new Worker(new URL(…, import.meta.url))` form is what the bundler (Turbopack) recognises:
 * it builds preview.worker.ts and the engine into a chunk of their own, fetched only when this runs — after the
 * page has painted, once a command first parses.
 */
export function createPreviewWorker(): PreviewPort {
  const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { name: 'portofino-preview' });
  const port: PreviewPort = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<FromPreviewWorker>) => port.onmessage?.(event);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    port.onerror?.(event.message || 'the preview engine could not start');
  };
  return port;
}
