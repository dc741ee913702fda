import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleLogger } from '../../../../electron/adapters/logging/console-logger-adapter';

afterEach(() => vi.restoreAllMocks());

describe('console logger', () => {
  it('redacts nested personal fields and secrets exactly as the log files do', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const log = createConsoleLogger('cli');
    log.error('publish failed with sk_live_51HxYzAbCdEfGhIjKlMn', {
      details: { pin: '4821', stage: 'sign' },
      bytes: new Uint8Array([9, 9, 9]),
    });
    expect(written).toHaveLength(1);
    const line = JSON.parse(written[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'error',
      component: 'cli',
      msg: 'publish failed with [redacted]',
      details: { pin: '[redacted]', stage: 'sign' },
      bytes: '[binary]',
    });
  });
});
