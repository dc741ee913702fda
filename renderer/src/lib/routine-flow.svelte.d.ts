import type { Money, RoutineSlot } from '../../../electron/shared/schemas/catalog-schemas';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';
/** Budget chips on the routine, in minor units; null = any budget. */
export declare const BUDGETS: readonly [null, 5000, 10000, 15000];
/**
 * The routine step: loads the recommendation for the shopper's profile and budget, tracks which
 * alternative is chosen per step and whether optional steps are included, and adds exactly the
 * products the shopper sees counted in the total.
 */
export declare class RoutineFlow {
  private readonly client;
  private readonly session;
  loading: any;
  budget: any;
  /** Which pick is chosen per step (0 = the recommendation, 1–2 = alternatives). */
  chosen: any;
  includeOptional: any;
  constructor(client: KioskClient, session: KioskSession);
  get slots(): RoutineSlot[];
  get hasOptional(): boolean;
  pickIndex(slot: RoutineSlot): number;
  pickOf(slot: RoutineSlot): {
    product: {
      sku: string;
      brand: string;
      name: string;
      step:
        | 'mask'
        | 'serum'
        | 'foundation'
        | 'concealer'
        | 'cleanser'
        | 'toner'
        | 'treatment'
        | 'moisturizer'
        | 'sunscreen'
        | 'eye';
      size: string | null;
      price: {
        amountMinor: number;
        currency: string;
      };
      imageUrl: string | null;
      inStock: boolean;
      concerns: (
        | 'redness'
        | 'pores'
        | 'texture'
        | 'wrinkles'
        | 'dark_spots'
        | 'oiliness'
        | 'uneven_tone'
        | 'dark_circles'
        | 'dryness'
        | 'acne'
        | 'dullness'
      )[];
      flags: ('vegan' | 'fragrance_free' | 'non_comedogenic' | 'pregnancy_safe')[];
      spf: number | null;
    };
    reasons: {
      key: string;
      params: Record<string, string | number>;
    }[];
  } | null;
  isIncluded(slot: RoutineSlot): boolean;
  /**
   * The products "Add routine to cart" adds, in routine order. A pick this store has no stock of
   * stays on the routine (to order online) but is not added here, nor counted in the total.
   */
  get selection(): (
    | {
        sku: string;
        brand: string;
        name: string;
        step:
          | 'mask'
          | 'serum'
          | 'foundation'
          | 'concealer'
          | 'cleanser'
          | 'toner'
          | 'treatment'
          | 'moisturizer'
          | 'sunscreen'
          | 'eye';
        size: string | null;
        price: {
          amountMinor: number;
          currency: string;
        };
        imageUrl: string | null;
        inStock: boolean;
        concerns: (
          | 'redness'
          | 'pores'
          | 'texture'
          | 'wrinkles'
          | 'dark_spots'
          | 'oiliness'
          | 'uneven_tone'
          | 'dark_circles'
          | 'dryness'
          | 'acne'
          | 'dullness'
        )[];
        flags: ('vegan' | 'fragrance_free' | 'non_comedogenic' | 'pregnancy_safe')[];
        spf: number | null;
      }
    | undefined
  )[];
  /** Sum of the selection's prices, or null when they are in different currencies. */
  get total(): Money | null;
  load(): Promise<void>;
  setBudget(budget: number | null): Promise<void>;
  nextAlternative(slot: RoutineSlot): void;
  addSelectionToCart(): void;
}
