import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
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
export declare class KioskSession {
  private readonly client;
  screen: any;
  info: any;
  answers: any;
  photo: any;
  analysis: any;
  profile: any;
  routine: any;
  readonly cart: CartStore;
  payment: any;
  cameraState: any;
  error: any;
  /** "Start over?" is on screen, waiting for the shopper to confirm or keep going. */
  confirmingStartOver: any;
  /**
   * The captured frame waiting for analysis. Deliberately not reactive (a typed array must not be
   * proxied) and cleared as soon as the analysis has it or the session ends.
   */
  pendingFrame: Frame | null;
  /** Where staff mode returns to when closed. */
  private beforeStaff;
  constructor(client: KioskClient);
  get active(): boolean;
  /** Whether starting over would erase anything the shopper gave or got. */
  get hasShopperData(): boolean;
  go(screen: Screen): void;
  begin(): Promise<void>;
  /** The shopper accepted the consent screen: counted in the store funnel, then on to the questions. */
  acceptConsent(): void;
  setPhoto(photo: CapturedPhoto | null): void;
  /** "Start over" asks first when it would erase something; otherwise it simply ends the session. */
  requestStartOver(): void;
  cancelStartOver(): void;
  openStaff(): void;
  closeStaff(): void;
  reset(reason: EndReason): Promise<void>;
}
