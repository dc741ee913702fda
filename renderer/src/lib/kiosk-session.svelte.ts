import type { AnalysisResult, Frame } from '../../../electron/shared/schemas/analysis-schemas';
import type { Routine } from '../../../electron/shared/schemas/catalog-schemas';
import type { PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { QuestionnaireAnswers } from '../../../electron/shared/schemas/questionnaire-schemas';
import type { SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { AppInfo, CameraState } from '../../../electron/shared/schemas/system-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';
import { CartStore } from './cart-store.svelte';

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
  readonly cart: CartStore;
  payment = $state<PaymentState | null>(null);
  cameraState = $state<CameraState | null>(null);
  error = $state<KioskErrorShape | null>(null);
  /** "Start over?" is on screen, waiting for the shopper to confirm or keep going. */
  confirmingStartOver = $state(false);
  /**
   * The captured frame waiting for analysis. Deliberately not reactive (a typed array must not be
   * proxied) and cleared as soon as the analysis has it or the session ends.
   */
  pendingFrame: Frame | null = null;
  /** Where staff mode returns to when closed. */
  private beforeStaff: Screen = 'attract';

  constructor(private readonly client: KioskClient) {
    this.cart = new CartStore(client);
  }

  get active(): boolean {
    return this.screen !== 'attract' && this.screen !== 'staff';
  }

  /** Whether starting over would erase anything the shopper gave or got. */
  get hasShopperData(): boolean {
    return (
      Object.keys(this.answers).length > 0 ||
      this.photo !== null ||
      this.profile !== null ||
      this.cart.items.length > 0
    );
  }

  go(screen: Screen): void {
    this.error = null;
    this.screen = screen;
  }

  async begin(): Promise<void> {
    await this.client.invoke('session:start', {});
    this.go('consent');
  }

  /** The shopper accepted the consent screen: counted in the store funnel, then on to the questions. */
  acceptConsent(): void {
    void this.client.invoke('session:milestone', { step: 'consent' });
    this.go('questionnaire');
  }

  setPhoto(photo: CapturedPhoto | null): void {
    if (this.photo) URL.revokeObjectURL(this.photo.url);
    this.photo = photo;
  }

  /** "Start over" asks first when it would erase something; otherwise it simply ends the session. */
  requestStartOver(): void {
    if (this.hasShopperData) this.confirmingStartOver = true;
    else void this.reset('start_over');
  }

  cancelStartOver(): void {
    this.confirmingStartOver = false;
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
    this.cart.clear();
    this.payment = null;
    this.error = null;
    this.confirmingStartOver = false;
    if (this.screen !== 'staff') this.screen = 'attract';
    await this.client.invoke('session:end', { reason });
  }
}
