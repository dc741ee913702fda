import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCommandLine } from '../../../electron/cli/command-line';

const USAGE = 'Usage: skinkiosk thing <file> [--out FILE]';
const config = (args: string[]) =>
  ({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }) as const;

describe('readCommandLine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the values and positionals of a good command line, printing nothing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const parsed = readCommandLine(config(['photo.jpg', '--out', 'x.json']), USAGE);
    expect(parsed).toEqual({ values: { out: 'x.json' }, positionals: ['photo.jpg'] });
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('answers 2 for an unknown option, naming it beside the usage', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readCommandLine(config(['--bogus']), USAGE)).toBe(2);
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toMatch(/--bogus[\s\S]*Usage: skinkiosk thing/);
  });

  it('answers 2 for an option missing its value', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readCommandLine(config(['photo.jpg', '--out']), USAGE)).toBe(2);
  });

  it('answers 0 for --help and -h, with the usage on standard output', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(readCommandLine(config(['--help']), USAGE)).toBe(0);
    expect(readCommandLine(config(['photo.jpg', '-h']), USAGE)).toBe(0);
    expect(log.mock.calls).toEqual([[USAGE], [USAGE]]);
  });
});
