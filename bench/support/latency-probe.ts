import { Agent, request as httpRequest } from 'node:http';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

// A fresh connection per request: after a long stall the server's keep-alive timer may close an idle socket just as
// a request is sent on it (ECONNRESET), which would end the measurement.
const agent = new Agent({ keepAlive: false });

/** One HTTP request; resolves with the status, the body and the milliseconds until the whole answer. */
export function httpCall(
  url: string,
  {
    method = 'GET',
    body,
    headers = {},
  }: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export const formatSummary = (s: LatencySummary) =>
  `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.count})`;

/**
 * Asks `url` (GET /health/live: no database, no work) every `everyMs` — the next request 10 ms after the last
 * answer — until stopped, and reports the answers' latencies: a blocked event loop shows up as one long answer.
 */
export function startLatencyProbe(url: string, everyMs = 10): { stop(): Promise<LatencySummary> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const answer = await httpCall(url);
      if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
      samples.push(answer.ms);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return summarize(samples);
    },
  };
}
