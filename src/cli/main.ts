#!/usr/bin/env node
import { runCli } from './cli';

// `portofino project <simulation id>` talks to a server: its address and the user's token may come from here.
void runCli(
  process.argv.slice(2),
  {
    out: (text: string) => process.stdout.write(`${text}\n`),
    err: (text: string) => process.stderr.write(`${text}\n`),
  },
  { apiUrl: process.env.PORTOFINO_API_URL, token: process.env.PORTOFINO_TOKEN },
).then((code) => {
  process.exitCode = code;
});
