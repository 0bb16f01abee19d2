/**
 * A throwaway Apache Kafka 4.4.0 broker: KRaft, combined broker+controller, single node, on two free
 * ports of 127.0.0.1, with a fresh log dir per run. Jars come from Maven Central via
 * scripts/fetch-kafka.sh into ${PORTOFINO_CACHE:-~/.cache/portofino}/kafka-4.4.0/libs; this module
 * runs that script itself when the jars are missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  MissingBinaryError,
  freePorts,
  isPortFree,
  makeTempDir,
  nextId,
  register,
  removeDir,
  run,
  serviceError,
  terminate,
  unregister,
  waitFor,
  which,
} from './util';

export const KAFKA_VERSION = '4.4.0';
const READY_LINE = 'Kafka Server started';

export interface KafkaHandle {
  /** ['127.0.0.1:<port>'] */
  brokers: string[];
  port: number;
  controllerPort: number;
  clusterId: string;
  dir: string;
  logFile: string;
  /** PID of the broker's JVM (a new one after resume()). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Stops the broker (controlled shutdown) and keeps its ports and log dir: topics and offsets survive. */
  halt(): Promise<void>;
  /** Starts a halted broker again with the same ports and data. */
  resume(): Promise<void>;
}

export interface StartKafkaOptions {
  parentDir?: string;
  /** Milliseconds to wait for "Kafka Server started" (default 60 s). */
  timeoutMs?: number;
}

const JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/**
 * AppCDS: the first run dumps the loaded classes (-XX:ArchiveClassesAtExit) into the service dir;
 * once the JVM has exited the archive is moved into the cache, and later runs map it
 * (-XX:SharedArchiveFile), which cuts about 1 s from format + start on 2 cores. The JVM checks the
 * archive against itself and the classpath and ignores it on a mismatch; the file name is also keyed
 * by the java binary. PORTOFINO_KAFKA_CDS=0 turns this off.
 */
function classDataSharing(java: string, name: 'format' | 'broker', workDir: string): { flags: string[]; keep(): void } {
  if (process.env.PORTOFINO_KAFKA_CDS === '0') return { flags: [], keep: () => undefined };
  let key = 'java';
  try {
    // The java binary and every jar (name, size, mtime): a re-fetch or a JDK upgrade makes a new archive.
    const libs = kafkaLibsDir();
    const real = fs.realpathSync(java);
    const hash = createHash('sha1').update(`${real}:${fs.statSync(real).mtimeMs}`);
    for (const jar of fs.readdirSync(libs).sort()) {
      const st = fs.statSync(path.join(libs, jar));
      hash.update(`|${jar}:${st.size}:${st.mtimeMs}`);
    }
    key = hash.digest('hex').slice(0, 12);
  } catch {
    /* keep the generic key */
  }
  const archive = path.join(path.dirname(kafkaLibsDir()), `cds-${name}-${key}.jsa`);
  if (fs.existsSync(archive)) return { flags: [`-XX:SharedArchiveFile=${archive}`], keep: () => undefined };
  const dump = path.join(workDir, `${name}.jsa`);
  return {
    flags: [`-XX:ArchiveClassesAtExit=${dump}`],
    keep: () => {
      try {
        if (!fs.existsSync(dump) || fs.statSync(dump).size === 0 || fs.existsSync(archive)) return;
        const tmp = `${archive}.tmp-${process.pid}`;
        fs.copyFileSync(dump, tmp);
        fs.renameSync(tmp, archive); // atomic: readers never see a partial archive
        for (const old of fs.readdirSync(path.dirname(archive))) {
          if (old.startsWith(`cds-${name}-`) && old.endsWith('.jsa') && old !== path.basename(archive)) {
            fs.rmSync(path.join(path.dirname(archive), old), { force: true });
          }
        }
      } catch {
        /* an optimisation only */
      }
    },
  };
}

export function cacheDir(): string {
  return process.env.PORTOFINO_CACHE || path.join(os.homedir(), '.cache', 'portofino');
}

export function kafkaLibsDir(): string {
  return path.join(cacheDir(), `kafka-${KAFKA_VERSION}`, 'libs');
}

function jarsPresent(libs: string): boolean {
  return (
    fs.existsSync(path.join(libs, '.complete')) && fs.existsSync(path.join(libs, `kafka_2.13-${KAFKA_VERSION}.jar`))
  );
}

export function fetchScript(): string {
  return path.resolve(__dirname, '..', '..', 'scripts', 'fetch-kafka.sh');
}

/** Path of the jars dir, running scripts/fetch-kafka.sh first when they are missing. */
export async function ensureKafkaJars(): Promise<string> {
  const libs = kafkaLibsDir();
  if (jarsPresent(libs)) return libs;
  if (!which('mvn')) {
    throw new MissingBinaryError(
      'mvn (Maven, needed once to fetch the Kafka jars)',
      'apt-get install -y maven',
      `no jars in ${libs}`,
    );
  }
  try {
    await run('bash', [fetchScript()], { timeoutMs: 10 * 60_000 });
  } catch (err) {
    throw new Error(
      `Kafka: scripts/fetch-kafka.sh failed:\n${(err as Error).message.split('\n').slice(-20).join('\n')}`,
    );
  }
  if (!jarsPresent(libs)) throw new Error(`Kafka: scripts/fetch-kafka.sh ran but ${libs} has no Kafka jars`);
  return libs;
}

/** A KRaft cluster id: 16 random bytes, base64url without padding, not starting with '-'. */
export function newClusterId(): string {
  for (;;) {
    const bytes = randomBytes(16);
    // Kafka reserves the all-zero and 0...01 UUIDs.
    if (bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] <= 1) continue;
    const id = bytes.toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(port: number, controllerPort: number, logDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDir}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

const LOG4J2 = [
  'appender.c.type=Console',
  'appender.c.name=STDOUT',
  'appender.c.layout.type=PatternLayout',
  'appender.c.layout.pattern=[%d] %p %m (%c)%n',
  'rootLogger.level=WARN',
  'rootLogger.appenderRef.c.ref=STDOUT',
  'logger.ready.name=kafka.server.KafkaRaftServer',
  'logger.ready.level=INFO',
  '',
].join('\n');

export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaHandle> {
  const java = which('java');
  if (!java) throw new MissingBinaryError('java', 'apt-get install -y openjdk-17-jre-headless', 'not on PATH');
  const libs = await ensureKafkaJars();
  const classpath = path.join(libs, '*');
  const ownDir = options.parentDir
    ? fs.mkdtempSync(path.join(options.parentDir, 'kafka-'))
    : makeTempDir('portofino-kafka-');
  const logFile = path.join(ownDir, 'kafka.log');
  const log4jFile = path.join(ownDir, 'log4j2.properties');
  const propsFile = path.join(ownDir, 'server.properties');
  fs.writeFileSync(log4jFile, LOG4J2);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log4jFlag = `-Dlog4j2.configurationFile=${log4jFile}`;

  for (let attempt = 1; ; attempt++) {
    const [port, controllerPort] = await freePorts(2);
    const portsFree = (await isPortFree(port)) && (await isPortFree(controllerPort));
    if (!portsFree && attempt < 5) continue;
    const logDir = path.join(ownDir, `data-${attempt}`);
    fs.writeFileSync(propsFile, serverProperties(port, controllerPort, logDir));
    fs.writeFileSync(logFile, '');
    const clusterId = newClusterId();

    const formatCds = classDataSharing(java, 'format', ownDir);
    try {
      await run(
        java,
        [
          '-Xmx256m',
          ...JVM_FLAGS,
          ...formatCds.flags,
          log4jFlag,
          '-cp',
          classpath,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          clusterId,
          '-c',
          propsFile,
        ],
        { cwd: ownDir, logFile, timeoutMs: 60_000 },
      );
      formatCds.keep();
    } catch (err) {
      const error = serviceError(
        'Kafka',
        `StorageTool format failed: ${(err as Error).message.split('\n')[0]}`,
        logFile,
      );
      removeDir(ownDir);
      throw error;
    }

    const brokerCds = classDataSharing(java, 'broker', ownDir);
    const id = nextId('kafka');
    /** Starts the broker on the formatted log dir and waits for its ready line; throws if it does not come. */
    const launch = async (): Promise<ChildProcess> => {
      const readyBefore = fs.readFileSync(logFile, 'utf8').split(READY_LINE).length;
      const out = fs.openSync(logFile, 'a');
      const child = spawn(
        java,
        [
          '-Xms256m',
          '-Xmx512m',
          ...JVM_FLAGS,
          ...brokerCds.flags,
          log4jFlag,
          '-cp',
          classpath,
          'kafka.Kafka',
          propsFile,
        ],
        { cwd: ownDir, stdio: ['ignore', out, out], detached: true },
      );
      fs.closeSync(out);
      child.unref();
      let spawnError: Error | undefined;
      child.once('error', (err) => (spawnError = err));
      if (child.pid) register(id, { pids: [child.pid], signal: 'SIGTERM', dirs: [ownDir], group: true });
      try {
        await waitFor(
          () => fs.readFileSync(logFile, 'utf8').split(READY_LINE).length > readyBefore,
          timeoutMs,
          () =>
            spawnError
              ? `could not start ${java}: ${spawnError.message}`
              : child.exitCode !== null || child.signalCode !== null
                ? `the broker exited with ${child.exitCode ?? child.signalCode} before "${READY_LINE}"`
                : undefined,
          100,
        );
        return child;
      } catch (err) {
        await terminate(child, 15_000);
        throw err;
      }
    };

    let child: ChildProcess;
    try {
      child = await launch();
    } catch (err) {
      unregister(id);
      const text = fs.readFileSync(logFile, 'utf8');
      if (attempt < 3 && /address already in use|BindException/i.test(text)) continue;
      const error = serviceError('Kafka', `${(err as Error).message} (waiting for "${READY_LINE}")`, logFile);
      removeDir(ownDir);
      throw error;
    }

    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopped ??= (async () => {
        await terminate(child, 30_000);
        if (child.exitCode !== null) brokerCds.keep(); // a clean exit wrote the archive
        unregister(id);
        removeDir(ownDir);
      })());
    const halt = () => terminate(child, 30_000);
    const resume = async (): Promise<void> => {
      child = await launch();
    };
    return {
      brokers: [`127.0.0.1:${port}`],
      port,
      controllerPort,
      clusterId,
      dir: ownDir,
      logFile,
      get pid() {
        return child.pid!;
      },
      stop,
      halt,
      resume,
    };
  }
}
