/**
 * Network and API faults in front of the emulated API, for tests of what the kiosk does when Stripe
 * or the network misbehaves. Each fault can be limited to paths matching a pattern.
 */
export interface PathFault {
  /** Requests left to affect; `Infinity` until cleared. */
  remaining: number;
  path: RegExp | null;
}

export class EmulatorFaults {
  private http500: PathFault | null = null;
  private drop: PathFault | null = null;
  private delay: (PathFault & { ms: number }) | null = null;

  /** The next `count` matching requests answer HTTP 500 `api_error` without being processed. */
  failWith500(count = Infinity, path: RegExp | null = null): void {
    this.http500 = { remaining: count, path };
  }

  /** The next `count` matching requests have their connection closed with no answer, unprocessed. */
  dropConnections(count = Infinity, path: RegExp | null = null): void {
    this.drop = { remaining: count, path };
  }

  /** Matching requests are processed, then answered `ms` later (a slow network or a slow API). */
  delayResponses(ms: number, count = Infinity, path: RegExp | null = null): void {
    this.delay = { remaining: count, path, ms };
  }

  clear(): void {
    this.http500 = null;
    this.drop = null;
    this.delay = null;
  }

  /** Consumes one 500 for this path, if armed. */
  take500(path: string): boolean {
    return take(this.http500, path);
  }

  takeDrop(path: string): boolean {
    return take(this.drop, path);
  }

  takeDelay(path: string): number {
    const fault = this.delay;
    return fault && take(fault, path) ? fault.ms : 0;
  }
}

function take(fault: PathFault | null, path: string): boolean {
  if (!fault || fault.remaining <= 0 || (fault.path && !fault.path.test(path))) return false;
  fault.remaining -= 1;
  return true;
}
