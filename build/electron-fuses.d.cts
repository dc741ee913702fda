import type * as Fuses from '@electron/fuses';
import type { FuseConfig } from '@electron/fuses';

export declare const KIOSK_FUSES: Readonly<Record<string, boolean>>;
export declare function toFuseConfig(fuses: typeof Fuses): FuseConfig;
export declare function electronBinaryPath(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}): string;
export declare function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  arch?: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}): Promise<void>;
