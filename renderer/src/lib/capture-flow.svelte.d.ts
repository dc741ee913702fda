import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import type { CameraState } from '../../../electron/shared/schemas/system-schemas';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';
/** Preview frames are small (guidance needs no detail); the captured photo is full size. */
export declare const PREVIEW_SIDE = 320;
export declare const CAPTURE_SIDE = 1280;
/** Every check must pass this long before the countdown starts on its own. */
export declare const READY_HOLD_MS = 1000;
export declare const COUNTDOWN_S = 3;
/** Where the camera comes from: the screen's <video> through the app's Camera. */
export interface FrameSource {
  start(): Promise<CameraState>;
  grab(maxSide: number): Frame | null;
  /** The last grabbed frame as an in-memory image URL for the results overlay. */
  snapshotUrl(): Promise<string | null>;
}
export interface CaptureFlowDeps {
  client: KioskClient;
  session: KioskSession;
  /** Counts someone in front of the camera as activity (keeps "Still there?" away). */
  activity: () => void;
  frames: FrameSource;
  /** Resolves before the next preview frame (the display's next frame in the kiosk). */
  nextFrame?: () => Promise<void>;
  now?: () => number;
}
/**
 * guiding → countdown → capturing: once `capturing` starts nothing can bring the countdown back,
 * because the guidance loop stops before the photo is taken (a late "ready" report used to restart
 * the count and flash a "3" just before Analyzing).
 */
export type CapturePhase = 'starting' | 'guiding' | 'countdown' | 'capturing';
/** One meter beside the preview: where the shopper stands on distance or light. */
export type MeterState = 'unknown' | 'low' | 'good' | 'high';
/**
 * The capture step: starts the camera, runs live guidance (one preview frame in flight at a time),
 * counts down when every check has passed for a second (or on "Take photo"), and hands the frame to
 * Analyzing. Frames stay in memory; nothing here stores or sends them anywhere but the kiosk.
 */
export declare class CaptureFlow {
  private readonly deps;
  phase: any;
  report: any;
  countdown: any;
  guidanceError: any;
  private readySince;
  private timer;
  private running;
  private auto;
  private readonly nextFrame;
  private readonly now;
  constructor(deps: CaptureFlowDeps);
  /** The message key under the preview: an error, the first failing check, ready, or starting. */
  get hintKey(): string;
  get distance(): MeterState;
  get light(): MeterState;
  /** Starts the camera; false (and the camera-unavailable screen) when there is none. */
  start(): Promise<boolean>;
  /** "Take photo": a countdown the shopper asked for, which a failing check does not cancel. */
  takePhoto(): void;
  stop(): void;
  private meter;
  private guide;
  private trackReadiness;
  private startCountdown;
  private stopCountdown;
  private capture;
}
