import path from 'node:path';

/**
 * Where the kiosk reads and writes. Electron main fills it from `app.getPath('userData')` and
 * `process.resourcesPath`; the preview host and tests point it at a folder of their own.
 */
export interface KioskPaths {
  /** Writable: catalog database, order log, image cache, logs, calibration. Never camera frames. */
  dataDir: string;
  /** Read-only bundled resources: demo catalog, locales, results page. */
  resourcesDir: string;
  /** Read-only ONNX models and their manifest. */
  modelDir: string;
}

/** Paths when running from a source checkout (development, preview host, tests). */
export function sourceTreePaths(repoRoot: string, dataDir: string): KioskPaths {
  return {
    dataDir,
    resourcesDir: path.join(repoRoot, 'resources'),
    modelDir: path.join(repoRoot, 'model'),
  };
}
