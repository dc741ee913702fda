import { describe, expect, it } from 'vitest';
import { staffPinFor } from '../../../../electron/core/staff/staff-pin-policy';

const DEMO = 'scrypt$16$1$1$ZGVtbw==$ZGVtbw==';
const OWN = 'scrypt$16384$8$1$b3du$b3du';

describe('which PIN opens staff mode', () => {
  it.each([
    ['no config file: the demo', { configFound: false, needsSetup: null, pinHash: null }, 'demo'],
    ['a provisioned PIN', { configFound: true, needsSetup: null, pinHash: OWN }, 'provisioned'],
    [
      'a config file without a PIN: none, never the demo',
      { configFound: true, needsSetup: null, pinHash: null },
      'none',
    ],
    [
      'a config file that needs setup: none',
      { configFound: true, needsSetup: 'bad JSON', pinHash: null },
      'none',
    ],
    [
      'needs setup keeps even its own PIN closed',
      { configFound: true, needsSetup: 'x: bad', pinHash: OWN },
      'none',
    ],
  ])('%s', (_name, inputs, kind) => {
    const pin = staffPinFor(inputs, DEMO);
    expect(pin.kind).toBe(kind);
    if (pin.kind === 'demo') expect(pin.hash).toBe(DEMO);
    if (pin.kind === 'provisioned') expect(pin.hash).toBe(OWN);
    if (pin.kind === 'none') expect(pin.reason).toMatch(/provision/);
  });
});
