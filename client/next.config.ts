import { join } from 'node:path';
import type { NextConfig } from 'next';

/**
 * The dashboard is served by the API process under /app (one port for the person), so every page and asset
 * lives below that base path.
 */
const config: NextConfig = {
  basePath: '/app',
  poweredByHeader: false,
  reactStrictMode: true,
  // Dependencies are installed once, at the repository root.
  turbopack: { root: join(__dirname, '..') },
  outputFileTracingRoot: join(__dirname, '..'),
};

export default config;
