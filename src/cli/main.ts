#!/usr/bin/env node
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { EXIT_OK, EXIT_USAGE, runSimulate, USAGE } from './simulate.command';

/** The `portofino` command line: `portofino simulate "<command>" [--json]`. */
function main(argv: readonly string[]): number {
  const [subcommand, ...args] = argv;
  const io = {
    out: (text: string) => process.stdout.write(`${text}\n`),
    err: (text: string) => process.stderr.write(`${text}\n`),
  };
  if (subcommand === 'simulate') return runSimulate(args, () => loadSamplePrices(), io);
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  io.err(subcommand ? `unknown command ${subcommand}\n\n${USAGE}` : USAGE);
  return EXIT_USAGE;
}

process.exitCode = main(process.argv.slice(2));
