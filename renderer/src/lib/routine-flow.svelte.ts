import type { Money, ProductSummary, RoutineSlot } from '../../../electron/shared/schemas/catalog-schemas';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

/** Budget chips on the routine, in minor units; null = any budget. */
export const BUDGETS = [null, 5000, 10000, 15000] as const;

/**
 * The routine step: loads the recommendation for the shopper's profile and budget, tracks which
 * alternative is chosen per step and whether optional steps are included, and adds exactly the
 * products the shopper sees counted in the total.
 */
export class RoutineFlow {
  loading = $state(false);
  budget = $state<number | null>(null);
  /** Which pick is chosen per step (0 = the recommendation, 1–2 = alternatives). */
  chosen = $state<Record<string, number>>({});
  includeOptional = $state(false);

  constructor(
    private readonly client: KioskClient,
    private readonly session: KioskSession,
  ) {}

  get slots(): RoutineSlot[] {
    return this.session.routine?.slots ?? [];
  }

  get hasOptional(): boolean {
    return this.slots.some((s) => s.optional);
  }

  pickIndex(slot: RoutineSlot): number {
    return Math.min(this.chosen[slot.step] ?? 0, slot.picks.length - 1);
  }

  pickOf(slot: RoutineSlot) {
    return slot.picks[this.pickIndex(slot)] ?? null;
  }

  isIncluded(slot: RoutineSlot): boolean {
    return !slot.optional || this.includeOptional;
  }

  /**
   * The products "Add routine to cart" adds, in routine order. A pick this store has no stock of
   * stays on the routine (to order online) but is not added here, nor counted in the total.
   */
  get selection() {
    return this.slots
      .filter((s) => this.isIncluded(s))
      .map((s) => this.pickOf(s)?.product)
      .filter((p): p is ProductSummary => !!p && p.inStock);
  }

  /** Sum of the selection's prices, or null when they are in different currencies. */
  get total(): Money | null {
    const products = this.selection;
    const currency = products[0]?.price.currency;
    if (!currency || products.some((p) => p.price.currency !== currency)) return null;
    return { amountMinor: products.reduce((n, p) => n + p.price.amountMinor, 0), currency };
  }

  async load(): Promise<void> {
    const profile = this.session.profile;
    if (!profile) return this.session.go('results');
    this.loading = true;
    const result = await this.client.invoke('catalog:recommend', {
      profile,
      answers: this.session.answers,
      budgetMinor: this.budget,
    });
    this.loading = false;
    if (!result.ok) {
      this.session.error = result.error;
      return;
    }
    this.session.routine = result.value;
    this.chosen = {};
  }

  async setBudget(budget: number | null): Promise<void> {
    this.budget = budget;
    await this.load();
  }

  nextAlternative(slot: RoutineSlot): void {
    this.chosen[slot.step] = (this.pickIndex(slot) + 1) % slot.picks.length;
  }

  addSelectionToCart(): void {
    this.session.cart.addAll(this.selection);
    this.session.go('cart');
  }
}
