import { AnalysisStage } from '../../../electron/shared/schemas/analysis-schemas';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';
export type StageStatus = 'waiting' | 'running' | 'done';
/**
 * Analyzing: sends the captured frame (once — it is dropped from the session as soon as the request
 * has it), follows the real pipeline stages from `analysis:progress`, and lands on Results, or on a
 * failure the shopper can act on (retake, or use the answers alone).
 */
export declare class AnalysisFlow {
  private readonly client;
  private readonly session;
  private readonly activity;
  readonly stages: ('profile' | 'metrics' | 'detect' | 'landmarks' | 'zones')[];
  status: any;
  failure: any;
  busy: any;
  constructor(client: KioskClient, session: KioskSession, activity?: () => void);
  /** Share of the pipeline finished, 0–1 (a running stage counts half). */
  get progress(): number;
  /** The stage in progress now (or the last one reached), for the scan's caption. */
  get current(): AnalysisStage;
  /** Listens for stage events; returns the unsubscribe function. */
  follow(): () => void;
  run(): Promise<void>;
  retake(): void;
  /** A profile from the questionnaire alone (no camera, the scan failed, or the shopper skipped it). */
  useAnswersOnly(): Promise<boolean>;
}
