import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CalibrationRecord } from '../../core/color/calibration-records';
import type { Logger } from '../../core/ports/logger-port';
import { CameraColourSettings } from '../../shared/schemas/colour-schemas';

/** File name of the stored chart calibrations inside the kiosk's data folder. */
export const CALIBRATION_FILE = 'color-calibration.json';

const StoredRecord = z.object({
  camera: z.string().min(1),
  savedAt: z.iso.datetime(),
  matrix: z.array(z.number().finite()).length(9),
  whiteLevel: z.number().positive(),
  residualDeltaE: z.number().nonnegative(),
  maxDeltaE: z.number().nonnegative(),
  patchDeltaE: z.array(z.number().nonnegative().nullable()).length(24),
  located: z.enum(['detected', 'corners', 'guide']),
  exposureLocked: z.boolean(),
  whiteBalanceLocked: z.boolean(),
  settings: CameraColourSettings,
});
const Stored = z.object({
  version: z.literal(2),
  kioskId: z.string(),
  cameras: z.record(z.string(), StoredRecord),
});

/**
 * This kiosk's chart calibrations, one per camera, as JSON in the data folder (with the kiosk's id,
 * so a file copied from another kiosk is recognised). Written atomically (temp file + rename) so a
 * power cut never leaves half a matrix. A file that does not parse — or one from before per-camera
 * calibration, whose matrix assumed a different white balance — is ignored and reported once: the
 * kiosk then measures colour approximately and health says the calibration is missing.
 */
export class ColorCalibrationStore {
  private records: Record<string, CalibrationRecord>;
  /** Saves run one after another, so two at once cannot write a file that lacks the other's camera. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly kioskId: string,
    private readonly logger: Logger,
  ) {
    this.records = this.read();
  }

  all(): Readonly<Record<string, CalibrationRecord>> {
    return this.records;
  }

  save(record: CalibrationRecord): Promise<void> {
    const write = async (): Promise<void> => {
      const next = { ...this.records, [record.camera]: record };
      await mkdir(this.dataDir, { recursive: true });
      const file = path.join(this.dataDir, CALIBRATION_FILE);
      const temp = `${file}.${process.pid}.tmp`;
      const body = { version: 2, kioskId: this.kioskId, cameras: next };
      await writeFile(temp, `${JSON.stringify(body, null, 2)}\n`, 'utf8');
      await rename(temp, file);
      this.records = next;
    };
    const done = this.writing.then(write, write);
    this.writing = done.catch(() => undefined);
    return done;
  }

  private read(): Record<string, CalibrationRecord> {
    const file = path.join(this.dataDir, CALIBRATION_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    try {
      const stored = Stored.parse(JSON.parse(text));
      if (stored.kioskId !== this.kioskId) {
        this.logger.warn('colour calibration of another kiosk ignored', { file, kioskId: stored.kioskId });
        return {};
      }
      return stored.cameras as unknown as Record<string, CalibrationRecord>;
    } catch (error) {
      this.logger.warn('colour calibration file ignored', {
        file,
        reason: error instanceof Error ? error.message.slice(0, 200) : String(error),
      });
      return {};
    }
  }
}
