import { AnalysisStage } from '../../../electron/shared/schemas/analysis-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

export type StageStatus = 'waiting' | 'running' | 'done';

/**
 * Analyzing: sends the captured frame (once — it is dropped from the session as soon as the request
 * has it), follows the real pipeline stages from `analysis:progress`, and lands on Results, or on a
 * failure the shopper can act on (retake, or use the answers alone).
 */
export class AnalysisFlow {
  readonly stages = AnalysisStage.options;
  status = $state<Record<AnalysisStage, StageStatus>>(
    Object.fromEntries(AnalysisStage.options.map((s) => [s, 'waiting'])) as Record<
      AnalysisStage,
      StageStatus
    >,
  );
  failure = $state<KioskErrorShape | null>(null);
  busy = $state(false);

  constructor(
    private readonly client: KioskClient,
    private readonly session: KioskSession,
    private readonly activity: () => void = () => undefined,
  ) {}

  /** Share of the pipeline finished, 0–1 (a running stage counts half). */
  get progress(): number {
    const values = Object.values(this.status);
    const score = values.reduce((n, s) => n + (s === 'done' ? 1 : s === 'running' ? 0.5 : 0), 0);
    return score / values.length;
  }

  /** The stage in progress now (or the last one reached), for the scan's caption. */
  get current(): AnalysisStage {
    return (
      this.stages.find((s) => this.status[s] === 'running') ??
      [...this.stages].reverse().find((s) => this.status[s] === 'done') ??
      this.stages[0] ??
      'detect'
    );
  }

  /** Listens for stage events; returns the unsubscribe function. */
  follow(): () => void {
    return this.client.on('analysis:progress', (p) => {
      this.activity();
      this.status[p.stage] = p.done ? 'done' : 'running';
    });
  }

  async run(): Promise<void> {
    const frame = this.session.pendingFrame;
    this.session.pendingFrame = null;
    if (!frame) return this.session.go('capture');
    this.failure = null;
    const result = await this.client.invoke('analysis:analyze', { frame, answers: this.session.answers });
    if (!result.ok) {
      this.failure = result.error;
      return;
    }
    this.session.analysis = result.value;
    this.session.profile = result.value.profile;
    this.session.go('results');
  }

  retake(): void {
    this.session.setPhoto(null);
    this.session.go('capture');
  }

  /** A profile from the questionnaire alone (no camera, the scan failed, or the shopper skipped it). */
  async useAnswersOnly(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    const result = await this.client.invoke('analysis:from-answers', { answers: this.session.answers });
    this.busy = false;
    if (!result.ok) {
      this.session.error = result.error;
      return false;
    }
    this.session.analysis = null;
    this.session.setPhoto(null);
    this.session.profile = result.value;
    this.session.go('results');
    return true;
  }
}
