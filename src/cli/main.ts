#!/usr/bin/env node
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
