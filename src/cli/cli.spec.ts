import { runCli } from './cli';
import { EXIT_OK, EXIT_USAGE } from './simulate.command';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

describe('portofino command line', () => {
  it.each([
    [['simulate', '--help']],
    [['simulate', '-h']],
    [['simulate', 'AAPL-L-100% 2020-01-01 2020-12-31', '--source', 'yahoo', '--help']],
    [['--help']],
    [['help']],
  ])('%j prints the help to stdout and exits 0 (issue 15: "unknown flag --help")', async (argv) => {
    const { io, out, err } = capture();
    expect(await runCli(argv, io)).toBe(EXIT_OK);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/^Usage: portofino simulate "<command>" \[--json\] \[--source sample\|yahoo\|db\]/);
    expect(out.join('\n')).toContain('--help     print this help (also -h)');
  });

  it('refuses an unknown command or flag with the usage on stderr', async () => {
    const unknownCommand = capture();
    expect(await runCli(['simulat'], unknownCommand.io)).toBe(EXIT_USAGE);
    expect(unknownCommand.err.join('\n')).toMatch(/^unknown command simulat\n\nUsage: /);
    const unknownFlag = capture();
    expect(await runCli(['simulate', 'AAPL-L-100% 2020-01-01 2020-12-31', '--csv'], unknownFlag.io)).toBe(EXIT_USAGE);
    expect(unknownFlag.err.join('\n')).toMatch(/^unknown flag --csv\n\nUsage: /);
    const nothing = capture();
    expect(await runCli([], nothing.io)).toBe(EXIT_USAGE);
    expect(nothing.out).toEqual([]);
  });
});
