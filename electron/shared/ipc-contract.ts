/**
 * The one contract between the renderer and the machine. Every request channel and every event is
 * named here with its zod schemas. Three hosts serve it identically: Electron main (ipcMain), the
 * browser preview host (loopback HTTP/WebSocket) and tests (handlers called directly).
 *
 * Inputs are parsed from `unknown` on the serving side; outputs are `Result<T>` and never throw
 * across the bridge. Channels marked "staff" fail with STAFF_REQUIRED unless staff mode is unlocked.
 */
import { z } from 'zod';
import {
  AnalysisProgress,
  AnalysisResult,
  AnalyzeRequest,
  Frame,
  InferenceStatus,
  QualityReport,
} from './schemas/analysis-schemas';
import { CatalogStatus, ProductSummary, Routine, ShadeMatch } from './schemas/catalog-schemas';
import { CalibrationReport, CameraColourSettings, CameraDescription } from './schemas/colour-schemas';
import { Cart, CartRequest, OrderId, PaymentState } from './schemas/checkout-schemas';
import { QuestionnaireAnswers } from './schemas/questionnaire-schemas';
import { Lab, SkinProfile } from './schemas/skin-profile-schemas';
import {
  AppInfo,
  BrandAsset,
  BrandAssetKind,
  CameraState,
  HealthReport,
  SessionEndReason,
  StaffStatus,
  UpdateState,
} from './schemas/system-schemas';
import {
  LinkSet,
  QrLink,
  OrderSummary,
  SaveResultsRequest,
  SyncProgress,
  SyncReport,
  LogLine,
  SystemInfo,
} from './schemas/staff-schemas';
import { ScreenMilestone, TelemetryStatus } from './schemas/telemetry-schemas';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, staff = false) => ({
  input,
  output,
  staff,
});
const none = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

export const channels = {
  // ── Session ────────────────────────────────────────────────────────────────
  /** Static facts for the renderer: version, languages, idle timings, demo labels, setup state. */
  'app:info': channel(none, AppInfo),
  /** The store's logo or Attract animation from the config (`branding`), or null for the built-in look. */
  'app:brand-asset': channel(z.object({ asset: BrandAssetKind }).strict(), BrandAsset),
  /** A shopper tapped Attract: main starts a session (keeps the display awake, counts it). */
  'session:start': channel(none, z.object({ sessionId: z.string() })),
  /** The session ended (finished, idle, start over): main drops every frame, photo and answer it holds. */
  'session:end': channel(z.object({ reason: SessionEndReason }), done),
  /**
   * The renderer tells main whether getUserMedia worked and which camera it opened, for health and
   * staff screens. The answer carries the colour settings locked when that camera was calibrated
   * (exposure, white balance), for the renderer to apply; null when it has no calibration.
   */
  'session:camera-state': channel(
    z.object({ state: CameraState, camera: z.object({ label: z.string().max(200) }).optional() }),
    z.object({ done: z.literal(true), settings: CameraColourSettings.nullable() }),
  ),
  /**
   * A store-funnel step only the screen sees (consent accepted, something added to the cart).
   * Counted once per session, as a number only; ignored outside a session.
   */
  'session:milestone': channel(z.object({ step: ScreenMilestone }), done),

  // ── Analysis ───────────────────────────────────────────────────────────────
  /** A small preview frame for live guidance; the report is also pushed as a `camera:quality` event. */
  'analysis:preview-frame': channel(Frame, QualityReport),
  /** Analyse the captured frame; stages are pushed as `analysis:progress` events. */
  'analysis:analyze': channel(AnalyzeRequest, AnalysisResult),
  /** A profile from the answers alone (no camera, or the shopper skipped the scan). */
  'analysis:from-answers': channel(z.object({ answers: QuestionnaireAnswers }), SkinProfile),
  /** Which execution provider runs the networks and the camera's chart calibration. (staff) */
  'analysis:status': channel(none, InferenceStatus, true),
  /**
   * Calibrate the camera from a frame of the 24-patch colour chart (found anywhere in the frame, or
   * in the staff guide) and store it for this camera with its locked settings. Fails with
   * CHART_NOT_FOUND, or CALIBRATION_REJECTED when the fit is too poor (worst patches named). (staff)
   */
  'analysis:calibrate': channel(
    z.object({ frame: Frame, camera: CameraDescription }),
    CalibrationReport,
    true,
  ),

  // ── Catalog ────────────────────────────────────────────────────────────────
  /** A routine for a profile, from in-stock products, within an optional budget. */
  'catalog:recommend': channel(
    z.object({
      profile: SkinProfile,
      answers: QuestionnaireAnswers,
      budgetMinor: z.number().int().positive().nullable(),
    }),
    Routine,
  ),
  /** Complexion shades nearest the measured skin colour; `shift` steps lighter (<0) or darker (>0). */
  'catalog:shade-match': channel(
    z.object({ lab: Lab, step: z.enum(['foundation', 'concealer']), shift: z.number().int().min(-5).max(5) }),
    ShadeMatch,
  ),
  /** As-you-type search over name, brand, description and concerns. */
  'catalog:search': channel(
    z.object({ query: z.string().max(80), limit: z.number().int().min(1).max(50) }),
    z.array(ProductSummary),
  ),
  /** Version, sync times and the last sync report. (staff) */
  'catalog:status': channel(none, CatalogStatus, true),
  /** Sync from the feed now; progress is pushed as `catalog:sync-progress`. (staff) */
  'catalog:sync-now': channel(none, SyncReport, true),
  /** Import a published catalog from a file path (USB stick). (staff) */
  'catalog:import-file': channel(z.object({ path: z.string().min(1).max(4096) }), SyncReport, true),

  // ── Checkout ───────────────────────────────────────────────────────────────
  /** Price a cart from the catalog; prices sent by the renderer are never trusted. */
  'checkout:price': channel(CartRequest, Cart),
  /** Affiliate links per product and a cart link, each with its QR code as SVG. */
  'checkout:links': channel(CartRequest, LinkSet),
  /** "Save my results": a URL whose fragment carries the routine and skin summary, with its QR. */
  'checkout:save-results': channel(SaveResultsRequest, QrLink),
  /** Start a card payment on the reader; its state is pushed as `payment:state`. */
  'payment:start': channel(CartRequest, PaymentState),
  /** Cancel the reader's current action for this order. */
  'payment:cancel': channel(z.object({ orderId: OrderId }), PaymentState),
  /** Current state of an order's payment. */
  'payment:state': channel(z.object({ orderId: OrderId }), PaymentState),
  /** Recent orders for the staff payments section. (staff) */
  'payment:orders': channel(
    z.object({ limit: z.number().int().min(1).max(200) }),
    z.array(OrderSummary),
    true,
  ),
  /** Refund a captured order in full. (staff) */
  'payment:refund': channel(z.object({ orderId: OrderId }), OrderSummary, true),
  /**
   * Demo mode only: present a test card on the emulated reader, as if the shopper tapped it. Fails
   * with PAYMENT_NOT_CONFIGURED when payments run against a real Stripe account.
   */
  'payment:demo-tap': channel(
    z.object({ card: z.enum(['success', 'generic_decline', 'insufficient_funds']) }),
    done,
  ),

  // ── Staff and fleet ────────────────────────────────────────────────────────
  /** Unlock staff mode with the PIN; 5 wrong tries lock entry for 5 minutes. */
  'staff:unlock': channel(z.object({ pin: z.string().regex(/^\d{4,12}$/) }), StaffStatus),
  /** Leave staff mode. */
  'staff:lock': channel(none, StaffStatus),
  /** Whether staff mode is unlocked or locked out. */
  'staff:status': channel(none, StaffStatus),
  /** Version, execution provider, camera, health. (staff) */
  'system:info': channel(none, SystemInfo, true),
  /** The same health report the `/health` endpoint serves. */
  'system:health': channel(none, HealthReport),
  /** Today's store funnel, the metrics push and crash-report state. (staff) */
  'system:telemetry': channel(none, TelemetryStatus, true),
  /** Recent log lines (never personal data). (staff) */
  'system:logs': channel(z.object({ limit: z.number().int().min(1).max(500) }), z.array(LogLine), true),
  /** Update channel, phase, progress and maintenance window. (staff) */
  'update:status': channel(none, UpdateState, true),
  /** Check the update feed now. (staff) */
  'update:check-now': channel(none, UpdateState, true),
} as const;

const events = {
  /** Analysis stage started or finished. */
  'analysis:progress': AnalysisProgress,
  /** Live guidance for the latest preview frame. */
  'camera:quality': QualityReport,
  /** Reader and payment state for the current order. */
  'payment:state': PaymentState,
  /** Catalog sync progress for the staff screen. */
  'catalog:sync-progress': SyncProgress,
  /** Update check/download/install state for the staff screen. */
  'update:state': UpdateState,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.infer<Channels[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
