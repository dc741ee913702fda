import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed } from '../../../../electron/adapters/metrics/metrics-server-adapter';

describe('metrics endpoint Host check', () => {
  it('bound to loopback, answers loopback names on its own port only', () => {
    for (const host of ['127.0.0.1:9464', 'localhost:9464', '[::1]:9464', 'LOCALHOST', '127.0.0.1'])
      expect(hostHeaderAllowed(host, '127.0.0.1', 9464), host).toBe(true);
    for (const host of [
      'evil.example:9464',
      '10.0.0.5:9464',
      '127.0.0.1:9465',
      `${hostname()}:9464`,
      '',
      undefined,
    ])
      expect(hostHeaderAllowed(host, '127.0.0.1', 9464), String(host)).toBe(false);
  });

  it('bound to a LAN address, answers IP literals and this machine’s names, never a foreign name', () => {
    const own = hostname().toLowerCase();
    for (const host of [
      '10.0.0.5:9464',
      '[fe80::1]:9464',
      'localhost:9464',
      `${own}:9464`,
      `${own}.stores.example.net:9464`,
    ])
      expect(hostHeaderAllowed(host, '10.0.0.5', 9464), host).toBe(true);
    for (const host of ['evil.example:9464', `x${own}.evil.example`, `${own}.example:1`, 'a:b:c'])
      expect(hostHeaderAllowed(host, '0.0.0.0', 9464), host).toBe(false);
  });
});
