import type { ShadeMatch } from '../../../electron/shared/schemas/catalog-schemas';
import type { Lab } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';

export type ShadeStep = 'foundation' | 'concealer';
/** How far Lighter / Darker may move from the measured colour, in catalog shade steps. */
export const MAX_SHIFT = 5;

/**
 * Shade matching from the measured skin colour: product type, a lighter/darker nudge, and the best
 * three shades. Only the answer to the newest request is kept.
 */
export class ShadeFinder {
  step = $state<ShadeStep>('foundation');
  shift = $state(0);
  match = $state<ShadeMatch | null>(null);
  error = $state<KioskErrorShape | null>(null);
  private generation = 0;

  constructor(private readonly client: KioskClient) {}

  async load(lab: Lab): Promise<void> {
    const ticket = ++this.generation;
    const result = await this.client.invoke('catalog:shade-match', {
      lab: { L: lab.L, a: lab.a, b: lab.b },
      step: this.step,
      shift: this.shift,
    });
    if (ticket !== this.generation) return;
    if (result.ok) this.match = result.value;
    else this.error = result.error;
  }

  async setStep(step: ShadeStep, lab: Lab): Promise<void> {
    this.step = step;
    await this.load(lab);
  }

  async nudge(delta: -1 | 1, lab: Lab): Promise<void> {
    const next = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, this.shift + delta));
    if (next === this.shift) return;
    this.shift = next;
    await this.load(lab);
  }
}

/** Words for a colour difference (CIEDE2000) a shopper can use; the number itself stays in staff tools. */
export const matchWords = (
  deltaE00: number,
): 'shade.match.exact' | 'shade.match.close' | 'shade.match.nearest' =>
  deltaE00 < 2 ? 'shade.match.exact' : deltaE00 < 3.5 ? 'shade.match.close' : 'shade.match.nearest';
