import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** docker-compose.yml is for users (no Docker engine here): validate it with the compose client. */
describe('docker-compose.yml', () => {
  const client = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });

  it('has a compose client to validate with', () => {
    expect(client.error === undefined ? 'found' : 'apt-get install -y --no-install-recommends docker-compose').toBe(
      'found',
    );
  });

  it('is valid and wires api and worker from one image to PostgreSQL, Redis and Kafka', () => {
    const resolved = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, JWT_SECRET: 'compose-validation-secret-0123456789abcdef' },
    });
    expect(resolved).toMatch(/api:[\s\S]*command:[\s\S]*--role=api/);
    expect(resolved).toMatch(/worker:[\s\S]*command:[\s\S]*--role=worker/);
    for (const service of ['postgres:', 'redis:', 'kafka:', 'prometheus:', 'grafana:'])
      expect(resolved).toContain(service);
    expect(resolved).toContain('DATABASE_URL: postgres://portofino:portofino@postgres:5432/portofino');
    expect(resolved).toContain('REDIS_URL: redis://redis:6379');
    expect(resolved).toContain('KAFKA_BROKERS: kafka:9092');
    expect(resolved).toContain('JWT_SECRET: compose-validation-secret-0123456789abcdef');
  });

  it('refuses to resolve without a JWT secret shared by api and worker', () => {
    const env = { ...process.env };
    delete env.JWT_SECRET;
    const result = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set JWT_SECRET (32+ random bytes) in .env');
  });
});
