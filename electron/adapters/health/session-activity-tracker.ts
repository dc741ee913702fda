import type { SessionActivity } from '../../core/fleet/update-driver-port';

/** The part of the session service the fleet services listen to. */
export interface SessionSource {
  isActive(): boolean;
  onSessionChange(listener: (event: { type: 'start' } | { type: 'end'; reason: string }) => void): () => void;
}

/**
 * Remembers when the last shopper session ended, which the session service does not keep, so the
 * updater can wait for a quiet kiosk. Also forwards start/end to any listener (metrics).
 */
export class SessionActivityTracker implements SessionActivity {
  private lastEndedAt: number | null = null;
  private source: SessionSource | null = null;
  private unsubscribe: (() => void) | null = null;
  private wasActive = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly onChange: (
      event: { type: 'start' } | { type: 'end'; reason: string },
    ) => void = () => {},
  ) {}

  /** Follows a session service; binding again replaces the previous one. */
  bind(source: SessionSource): void {
    this.unsubscribe?.();
    this.source = source;
    this.unsubscribe = source.onSessionChange((event) => {
      if (event.type === 'start') {
        this.wasActive = true;
        this.onChange(event);
        return;
      }
      // The session service also signals "end" when nothing was running (a reset); skip those.
      if (!this.wasActive) return;
      this.wasActive = false;
      this.lastEndedAt = this.now();
      this.onChange(event);
    });
  }

  isActive(): boolean {
    return this.source?.isActive() ?? false;
  }

  msSinceLastSession(): number | null {
    return this.lastEndedAt === null ? null : this.now() - this.lastEndedAt;
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
