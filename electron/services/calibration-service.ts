import { calibrateFromFrame, type ChartCalibrationOptions } from '../core/color/chart-calibration';
import {
  calibrationFor,
  calibrationRecord,
  calibrationReport,
  calibrationStatus,
  DEFAULT_CAMERA,
  type CalibrationRecord,
} from '../core/color/calibration-records';
import type { Logger } from '../core/ports/logger-port';
import type { RgbaImage } from '../core/vision/image-types';
import type {
  CalibrationReport,
  CalibrationStatus,
  CameraDescription,
} from '../shared/schemas/colour-schemas';
import { ColorCalibrationStore } from '../adapters/inference/color-calibration-store';

export interface CalibrationServiceOptions {
  readonly dataDir: string;
  readonly kioskId: string;
  /** Days after which a calibration is stale. */
  readonly maxAgeDays: number;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * The kiosk's chart calibrations: solving one from a chart frame, storing it for its camera, and
 * telling which applies to the camera in use. The staff screen and `skinkiosk calibrate` both go
 * through here, so they write the same calibration.
 */
export class CalibrationService {
  private readonly store: ColorCalibrationStore;
  private readonly now: () => Date;

  constructor(private readonly options: CalibrationServiceOptions) {
    this.store = new ColorCalibrationStore(options.dataDir, options.kioskId, options.logger);
    this.now = options.now ?? (() => new Date());
  }

  /** The calibration for `camera` (its own or the default one), or null. */
  forCamera(camera: string | null): CalibrationRecord | null {
    return calibrationFor(this.store.all(), camera);
  }

  status(camera: string | null): CalibrationStatus {
    return calibrationStatus(this.store.all(), camera, this.now().getTime(), this.options.maxAgeDays);
  }

  /**
   * Solves the calibration from a frame of the chart and stores it for `camera` (null: the
   * default calibration). Throws CHART_NOT_FOUND or CALIBRATION_REJECTED and stores nothing then.
   */
  async calibrate(
    frame: RgbaImage,
    camera: CameraDescription | null,
    options: ChartCalibrationOptions = {},
  ): Promise<CalibrationReport> {
    const solved = calibrateFromFrame(frame.data, frame.width, frame.height, options);
    const record = calibrationRecord(
      camera?.label ?? DEFAULT_CAMERA,
      solved,
      {
        exposureLocked: camera?.exposureLocked ?? false,
        whiteBalanceLocked: camera?.whiteBalanceLocked ?? false,
        settings: camera?.settings ?? {},
      },
      this.now(),
    );
    await this.store.save(record);
    this.options.logger.info('analysis.calibrated', {
      camera: record.camera,
      residualDeltaE: Number(solved.residualDeltaE.toFixed(2)),
      located: solved.located,
    });
    return calibrationReport(record);
  }
}
