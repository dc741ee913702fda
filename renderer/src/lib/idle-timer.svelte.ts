/**
 * Shopper inactivity: after `idleSec` without a touch the "Still there?" prompt shows for
 * `graceSec`; if nobody answers, `onTimeout` wipes the session. Any touch or key restarts the count.
 */
export class IdleTimer {
  prompting = $state(false);
  secondsLeft = $state(0);
  private idleHandle: ReturnType<typeof setTimeout> | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  private running = false;

  constructor(
    private idleSec: number,
    private graceSec: number,
    private readonly onTimeout: () => void,
  ) {}

  configure(idleSec: number, graceSec: number): void {
    this.idleSec = idleSec;
    this.graceSec = graceSec;
    if (this.running) this.activity();
  }

  start(): void {
    this.running = true;
    this.activity();
  }

  stop(): void {
    this.running = false;
    this.clear();
    this.prompting = false;
  }

  /** Call on every pointer or key event while a session is active. */
  activity = (): void => {
    if (!this.running) return;
    this.clear();
    this.prompting = false;
    this.idleHandle = setTimeout(() => this.prompt(), this.idleSec * 1000);
  };

  private prompt(): void {
    this.prompting = true;
    this.secondsLeft = this.graceSec;
    this.tick = setInterval(() => {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) {
        this.stop();
        this.onTimeout();
      }
    }, 1000);
  }

  private clear(): void {
    if (this.idleHandle) clearTimeout(this.idleHandle);
    if (this.tick) clearInterval(this.tick);
    this.idleHandle = null;
    this.tick = null;
  }
}
