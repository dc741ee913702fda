/**
 * What the update service needs from an updater. The production driver wraps electron-updater
 * (generic provider); the same driver runs outside Electron in tests with a Node app adapter.
 */
export interface UpdateDriver {
  /** Asks the feed. Resolves to a newer version this kiosk may take (rollout included), or null. */
  check(): Promise<{ version: string } | null>;
  /** Downloads and verifies (sha512) the update found by the last check. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Installs the downloaded update silently and relaunches; false when it could not start. */
  install(): boolean;
  /** Stops a running download (shutdown). */
  cancel(): void;
}

/** Whether a shopper is using the kiosk, and how long ago the last one left. */
export interface SessionActivity {
  isActive(): boolean;
  msSinceLastSession(): number | null;
}
