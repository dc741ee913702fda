export interface CaptureTriggerOptions {
  /** How long every guidance check must keep passing before the countdown starts by itself. */
  readonly holdMs: number;
  /** Countdown length in seconds, so the shopper knows when the photo is taken. */
  readonly countdownS: number;
  /** Takes the photo; called only while the latest guidance report is ready. */
  readonly onCapture: () => void;
  /** Milliseconds, monotonic. */
  readonly now?: () => number;
}

/**
 * When the capture screen takes the photo. Only a frame the live guidance calls ready is ever
 * captured: after `holdMs` of ready frames a countdown starts by itself; the Take button starts it
 * at once but only while the latest frame is ready; any frame that fails a check during the
 * countdown stops it, and the countdown's last second captures only if the latest frame is still
 * ready. The analysis applies its own capture limits as well, this spares the shopper the wait.
 */
export class CaptureTrigger {
  /** Seconds left in the running countdown, or null when none runs. */
  countdown = $state<number | null>(null);
  /** Whether the latest guidance report passed every check: the Take button needs it. */
  ready = $state(false);
  private readySince: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: CaptureTriggerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Each guidance outcome: `ready` from the report, false when the guidance failed. */
  report(ready: boolean): void {
    this.ready = ready;
    if (!ready) {
      this.readySince = null;
      this.stop();
      return;
    }
    const now = this.now();
    this.readySince ??= now;
    if (this.countdown === null && now - this.readySince >= this.options.holdMs) this.start();
  }

  /** The Take button: starts the countdown only with a ready frame. Returns whether it started. */
  take(): boolean {
    if (!this.ready || this.countdown !== null) return false;
    this.start();
    return true;
  }

  /** Stops a running countdown (a failing frame, leaving the screen). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.countdown = null;
  }

  private start(): void {
    this.stop();
    this.countdown = this.options.countdownS;
    this.timer = setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    if (this.countdown === null) return;
    this.countdown -= 1;
    if (this.countdown > 0) return;
    this.stop();
    if (!this.ready) return;
    // A fresh hold is needed before the next automatic countdown.
    this.readySince = null;
    this.options.onCapture();
  }
}
