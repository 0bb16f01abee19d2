import { ServiceStatus } from './service-status';

export default function HomePage() {
  return (
    <main>
      <h1>PortoFino</h1>
      <p>
        Backtest a portfolio written in plain text, such as <code>AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01</code>,
        over real historical prices.
      </p>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Server status</h2>
        <ServiceStatus />
      </section>
      <section className="card" aria-labelledby="links-heading">
        <h2 id="links-heading">For developers</h2>
        <ul>
          <li>
            <a href="/docs">API reference (Swagger UI)</a> and the <a href="/docs/openapi.json">OpenAPI document</a>
          </li>
          <li>
            <a href="/health">Readiness</a> and <a href="/metrics">Prometheus metrics</a>
          </li>
        </ul>
      </section>
    </main>
  );
}
