import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Mat3 } from '../../core/color/matrix3';
import type { Logger } from '../../core/ports/logger-port';

/** File name of the stored colour-correction matrix inside the kiosk's data folder. */
export const CALIBRATION_FILE = 'color-calibration.json';

const Stored = z.object({
  version: z.literal(1),
  matrix: z.array(z.number().finite()).length(9),
  residualDeltaE: z.number().nonnegative(),
  savedAt: z.string(),
});
export type StoredCalibration = z.infer<typeof Stored>;

/**
 * This kiosk's staff colour calibration: a 3×3 matrix and its residual, as JSON in the data
 * folder. Written atomically (temp file + rename) so a power cut never leaves half a matrix; a file
 * that does not parse is ignored (gray-world balance alone) and reported once.
 */
export class ColorCalibrationStore {
  private current: StoredCalibration | null;

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    this.current = this.read();
  }

  /** The stored matrix, or null when the kiosk has not been calibrated. */
  matrix(): Mat3 | null {
    return this.current ? (this.current.matrix as unknown as Mat3) : null;
  }

  async save(matrix: Mat3, residualDeltaE: number, now = new Date()): Promise<StoredCalibration> {
    const record: StoredCalibration = {
      version: 1,
      matrix: [...matrix],
      residualDeltaE,
      savedAt: now.toISOString(),
    };
    await mkdir(this.dataDir, { recursive: true });
    const file = path.join(this.dataDir, CALIBRATION_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    await rename(temp, file);
    this.current = record;
    return record;
  }

  private read(): StoredCalibration | null {
    const file = path.join(this.dataDir, CALIBRATION_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      return Stored.parse(JSON.parse(text));
    } catch (error) {
      this.logger.warn('colour calibration file ignored', {
        file,
        reason: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }
}
