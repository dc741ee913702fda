import { app } from 'electron';

/** Working set of every app process (renderer, GPU, utility …) for the metrics endpoint, in bytes. */
export function appProcessMemory(): { type: string; bytes: number }[] {
  return app.getAppMetrics().map((m) => ({ type: m.type, bytes: m.memory.workingSetSize * 1024 }));
}
