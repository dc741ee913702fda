import type { AnalysisResult, Frame } from '../../../electron/shared/schemas/analysis-schemas';
import type { Money, ProductSummary, Routine } from '../../../electron/shared/schemas/catalog-schemas';
import type { Cart, CartRequest, PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { QuestionnaireAnswers } from '../../../electron/shared/schemas/questionnaire-schemas';
import type { SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { AppInfo, CameraState } from '../../../electron/shared/schemas/system-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';

export type Screen =
  | 'attract'
  | 'consent'
  | 'questionnaire'
  | 'capture'
  | 'camera-unavailable'
  | 'analyzing'
  | 'results'
  | 'routine'
  | 'shade'
  | 'search'
  | 'cart'
  | 'payment'
  | 'thank-you'
  | 'staff';

/** A cart line as the shopper chose it, with the unit price they were shown when they added it. */
export interface CartItem {
  sku: string;
  quantity: number;
  displayedPrice: Money;
  /** Brand and name, to name the line even if the product leaves the catalog. */
  name: string;
}

export type EndReason = 'completed' | 'idle' | 'start_over' | 'declined_consent' | 'error';

/** The shopper's photo, kept only as an in-memory object URL and revoked when the session ends. */
export interface CapturedPhoto {
  url: string;
  width: number;
  height: number;
}

/**
 * Everything one shopper session holds, and the screen they are on. `reset` wipes it all — frames,
 * photo, answers, results, cart — tells main to do the same, and returns to Attract.
 */
export class KioskSession {
  screen = $state<Screen>('attract');
  info = $state<AppInfo | null>(null);
  answers = $state<QuestionnaireAnswers>({});
  photo = $state<CapturedPhoto | null>(null);
  analysis = $state<AnalysisResult | null>(null);
  profile = $state<SkinProfile | null>(null);
  routine = $state<Routine | null>(null);
  cart = $state<CartItem[]>([]);
  /** The cart as main last priced it: the payable lines and the lines that changed. */
  priced = $state<Cart | null>(null);
  payment = $state<PaymentState | null>(null);
  cameraState = $state<CameraState | null>(null);
  error = $state<KioskErrorShape | null>(null);
  /**
   * The captured frame waiting for analysis. Deliberately not reactive (a typed array must not be
   * proxied) and cleared as soon as the analysis has it or the session ends.
   */
  pendingFrame: Frame | null = null;
  /** Where staff mode returns to when closed. */
  private beforeStaff: Screen = 'attract';

  constructor(private readonly client: KioskClient) {
    // Payment state follows the order wherever the shopper is: the receipt arrives after "succeeded".
    client.on('payment:state', (p) => {
      if (p.orderId !== this.payment?.orderId) return;
      this.payment = p;
      if (p.phase !== 'succeeded') return;
      // Paid: the cart is closed (main refuses to take it again) and the header shows it empty.
      this.cart = [];
      this.priced = null;
      if (this.screen === 'payment') this.go('thank-you');
    });
  }

  get active(): boolean {
    return this.screen !== 'attract' && this.screen !== 'staff';
  }

  get cartCount(): number {
    return this.cart.reduce((n, item) => n + item.quantity, 0);
  }

  go(screen: Screen): void {
    this.error = null;
    this.screen = screen;
  }

  async begin(): Promise<void> {
    await this.client.invoke('session:start', {});
    this.go('consent');
  }

  setPhoto(photo: CapturedPhoto | null): void {
    if (this.photo) URL.revokeObjectURL(this.photo.url);
    this.photo = photo;
  }

  /** The shopper accepted the consent screen: counted in the store funnel, then on to the questions. */
  acceptConsent(): void {
    void this.client.invoke('session:milestone', { step: 'consent' });
    this.go('questionnaire');
  }

  /** Adds a product the store has in stock; an out-of-stock product cannot be added here. */
  addToCart(product: ProductSummary, quantity = 1): boolean {
    if (!product.inStock) return false;
    const existing = this.cart.find((i) => i.sku === product.sku);
    if (existing) existing.quantity = Math.min(10, existing.quantity + quantity);
    else
      this.cart.push({
        sku: product.sku,
        quantity,
        displayedPrice: { ...product.price },
        name: `${product.brand} ${product.name}`,
      });
    void this.client.invoke('session:milestone', { step: 'added_to_cart' });
    return true;
  }

  setQuantity(sku: string, quantity: number): void {
    this.cart =
      quantity <= 0
        ? this.cart.filter((i) => i.sku !== sku)
        : this.cart.map((i) => (i.sku === sku ? { ...i, quantity: Math.min(10, quantity) } : i));
  }

  /** The cart as the contract takes it: plain objects, each with the price the shopper saw. */
  cartRequest(): CartRequest {
    return {
      items: this.cart.map((i) => ({
        sku: i.sku,
        quantity: i.quantity,
        displayedPrice: { ...i.displayedPrice },
      })),
    };
  }

  /**
   * Pays exactly the lines the shopper sees priced, at the prices shown; lines marked as changed
   * are never sent. Main refuses with CART_CHANGED if anything changed since, and the cart screen
   * prices again.
   */
  async pay(): Promise<boolean> {
    const lines = this.priced?.lines ?? [];
    if (lines.length === 0) return false;
    const items = lines.map((l) => ({
      sku: l.product.sku,
      quantity: l.quantity,
      displayedPrice: { ...l.product.price },
    }));
    const result = await this.client.invoke('payment:start', { items });
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.payment = result.value;
    return true;
  }

  openStaff(): void {
    if (this.screen !== 'staff') this.beforeStaff = this.active ? 'attract' : this.screen;
    if (this.active) void this.reset('start_over');
    this.screen = 'staff';
  }

  closeStaff(): void {
    void this.client.invoke('staff:lock', {});
    this.screen = this.beforeStaff;
  }

  async reset(reason: EndReason): Promise<void> {
    this.setPhoto(null);
    this.pendingFrame = null;
    this.answers = {};
    this.analysis = null;
    this.profile = null;
    this.routine = null;
    this.cart = [];
    this.priced = null;
    this.payment = null;
    this.error = null;
    if (this.screen !== 'staff') this.screen = 'attract';
    await this.client.invoke('session:end', { reason });
  }
}
