import express from 'express';
import { once } from 'node:events';
import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, compressLargeJson, GZIP_MIN_BYTES } from './json-compression';

// A large answer like a long result's series: 20,000 doubles.
const LARGE = { values: Array.from({ length: 20_000 }, (_, i) => Math.sin(i) / 7) };
const SMALL = { ok: true, values: [0.1, 0.2] };

function app() {
  const server = express();
  server.use(compressLargeJson);
  server.get('/large', (_request, response) => void response.json(LARGE));
  server.get('/small', (_request, response) => void response.json(SMALL));
  return server;
}

/** GET over plain node:http: the bytes as sent (supertest would gunzip them). */
async function rawGet(path: string, encoding: string): Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }> {
  const server = app().listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { headers: response.headers, bytes: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('compressLargeJson', () => {
  it('gzips a large JSON answer for a client that accepts it, the JSON unchanged', async () => {
    const { headers, bytes } = await rawGet('/large', 'gzip');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers.vary).toContain('Accept-Encoding');
    expect(Number(headers['content-length'])).toBe(bytes.length);
    const text = gunzipSync(bytes).toString('utf8');
    expect(text.length).toBeGreaterThan(GZIP_MIN_BYTES);
    expect(JSON.parse(text)).toEqual(LARGE);
    expect(bytes.length).toBeLessThan(text.length / 2);
  });

  it('leaves small answers, and clients that do not accept gzip, as they are', async () => {
    const small = await request(app()).get('/small').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toEqual(SMALL);
    const plain = await request(app()).get('/large').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(LARGE);
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
