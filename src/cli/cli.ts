import { DomainError } from '../common/domain-error';
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { CliPriceSource, loadMarketPrices, PRICE_SOURCES } from './market-data.loader';
import { COMPARE_USAGE, runCompare } from './compare.command';
import { OPTIMISE_USAGE, runOptimise } from './optimise.command';
import { ApiDefaults, runProjectApi, SIMULATION_ID } from './project-api.command';
import { parseProjectArgs, PROJECT_USAGE, runProject } from './project.command';
import { CliOutput, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE, runSimulate, USAGE } from './simulate.command';

const SOURCE_USAGE = `  --source   sample (default: bundled data, offline) | yahoo (Yahoo Finance, stored in the configured
             database) | db (only prices already stored)
  --help     print this help (also -h)`;

const HELP = new Set(['--help', '-h', 'help']);

/**
 * The `portofino` command line: `portofino simulate "<command>" [--json] [--source sample|yahoo|db]`, `portofino compare "<cmd>" "<cmd>" … [--json]` (sample data),
 * `portofino project "<command>" | <simulation id> …` (locally, or on a server for a simulation id: `api`), and
 * `--help` (also after `simulate`, anywhere among its arguments). Returns the exit code.
 */
// eslint-disable-next-line complexity -- above the limit when it was set (issue 16): split it when it next changes
export async function runCli(argv: readonly string[], io: CliOutput, api: ApiDefaults = {}): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (
    subcommand === undefined ||
    HELP.has(subcommand) ||
    (subcommand === 'simulate' && rest.some((arg) => HELP.has(arg)))
  ) {
    if (subcommand === undefined) {
      io.err(`${USAGE}\n${SOURCE_USAGE}\n\n${PROJECT_USAGE}\n\n${COMPARE_USAGE}\n\n${OPTIMISE_USAGE}`);
      return EXIT_USAGE;
    }
    io.out(`${USAGE}\n${SOURCE_USAGE}\n\n${PROJECT_USAGE}\n\n${COMPARE_USAGE}\n\n${OPTIMISE_USAGE}`);
    return EXIT_OK;
  }
  if (subcommand === 'compare') {
    if (rest.some((arg) => HELP.has(arg))) {
      io.out(COMPARE_USAGE);
      return EXIT_OK;
    }
    return runCompare(rest, () => loadSamplePrices(), io);
  }
  if (subcommand === 'optimise' || subcommand === 'optimize') {
    if (rest.some((arg) => HELP.has(arg))) {
      io.out(OPTIMISE_USAGE);
      return EXIT_OK;
    }
    return runOptimise(rest, () => loadSamplePrices(), io);
  }
  if (subcommand === 'project') {
    if (rest.some((arg) => HELP.has(arg))) {
      io.out(PROJECT_USAGE);
      return EXIT_OK;
    }
    // A simulation id instead of a command: the projection runs on the server, from that simulation.
    const parsed = parseProjectArgs(rest);
    if (typeof parsed !== 'string' && SIMULATION_ID.test(parsed.command)) return runProjectApi(parsed, api, io);
    return runProject(rest, () => loadSamplePrices(), io);
  }
  if (subcommand === 'simulate') {
    const at = rest.findIndex((arg) => arg === '--source' || arg.startsWith('--source='));
    let source: string = 'sample';
    const args = [...rest];
    if (at >= 0) {
      const inline = args[at].startsWith('--source=');
      source = inline ? args[at].slice('--source='.length) : (args[at + 1] ?? '');
      args.splice(at, inline ? 1 : 2);
    }
    if (!(PRICE_SOURCES as readonly string[]).includes(source)) {
      io.err(`--source must be one of ${PRICE_SOURCES.join(', ')}, got "${source}"\n\n${USAGE}\n${SOURCE_USAGE}`);
      return EXIT_USAGE;
    }
    if (source === 'sample') return runSimulate(args, () => loadSamplePrices(), io);
    const input = args.find((arg) => !arg.startsWith('--'));
    let matrix;
    try {
      matrix =
        input === undefined ? undefined : await loadMarketPrices(source as Exclude<CliPriceSource, 'sample'>, input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      io.err(`error[${error.code}]: ${error.message}`);
      return EXIT_SIMULATION_FAILED;
    }
    return runSimulate(args, () => matrix ?? loadSamplePrices(), io);
  }
  io.err(`unknown command ${subcommand}\n\n${USAGE}\n${SOURCE_USAGE}`);
  return EXIT_USAGE;
}
