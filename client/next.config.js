// CommonJS on purpose: the API process loads this config when it serves the dashboard, also inside Jest.
const { join } = require('node:path');

/**
 * The dashboard is served by the API process under /app (one port for the person), so every page and asset
 * lives below that base path.
 * @type {import('next').NextConfig}
 */
module.exports = {
  basePath: '/app',
  poweredByHeader: false,
  reactStrictMode: true,
  // Dependencies are installed once, at the repository root.
  turbopack: { root: join(__dirname, '..') },
  outputFileTracingRoot: join(__dirname, '..'),
};
