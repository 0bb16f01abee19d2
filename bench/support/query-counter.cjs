/**
 * Bench-only preload (node -r): counts the round trips this process makes to the services, by kind — SQL
 * statements sent through `pg` (BEGIN, SELECT, INSERT, …), Redis commands sent through ioredis (Bull and the
 * price cache) and Kafka requests sent through kafkajs (Produce, Fetch, Heartbeat, …). On SIGUSR2 it writes
 * the counts as JSON to BENCH_QUERY_COUNT_FILE, which the pipeline bench reads before and after its window.
 * Nothing here runs unless the bench starts the server with `-r bench/support/query-counter.cjs`.
 */
const { writeFileSync } = require('node:fs');

const counts = { sql: {}, redis: {}, kafka: {} };
const count = (group, kind) => (counts[group][kind] = (counts[group][kind] || 0) + 1);

const pg = require('pg');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : config && typeof config.text === 'string' ? config.text : '';
  const match = /^\s*([A-Za-z]+)/.exec(text);
  count('sql', match ? match[1].toUpperCase() : 'OTHER');
  return query.call(this, config, ...rest);
};

const Redis = require('ioredis');
const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function countedCommand(command, ...rest) {
  count('redis', command && command.name ? String(command.name).toLowerCase() : 'other');
  return sendCommand.call(this, command, ...rest);
};

const Connection = require('kafkajs/src/network/connection');
const send = Connection.prototype.send;
Connection.prototype.send = function countedSend(options, ...rest) {
  count('kafka', (options && options.request && options.request.apiName) || 'other');
  return send.call(this, options, ...rest);
};

process.on('SIGUSR2', () => {
  const file = process.env.BENCH_QUERY_COUNT_FILE;
  if (file) writeFileSync(file, JSON.stringify(counts));
});
