import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { accentPair } from '../core/config/brand-colors';
import type { Logger } from '../core/ports/logger-port';
import type { AppInfo, BrandAsset, BrandAssetKind } from '../shared/schemas/system-schemas';
import { readBrandAsset } from '../adapters/config/brand-asset-reader';

export type BrandingSummary = NonNullable<AppInfo['branding']>;

/**
 * The store's look from `branding` in the config. Files are read once at start; a file that cannot
 * be used is logged (`branding.asset_rejected`, with the field and the reason) and the built-in
 * logo-less look or Attract animation is shown instead, so a bad file never stops the kiosk.
 */
export class BrandingService {
  private constructor(
    private readonly config: KioskConfig['branding'],
    private readonly assets: Readonly<Record<BrandAssetKind, NonNullable<BrandAsset> | null>>,
  ) {}

  static async load(config: KioskConfig['branding'], logger: Logger): Promise<BrandingService> {
    const load = async (file: string | null, kind: BrandAssetKind) => {
      if (!file) return null;
      try {
        return await readBrandAsset(file, kind);
      } catch (err) {
        logger.warn('branding.asset_rejected', { asset: kind, reason: (err as Error).message });
        return null;
      }
    };
    const [logo, attract] = await Promise.all([
      load(config.logoFile, 'logo'),
      load(config.attractMediaFile, 'attract'),
    ]);
    return new BrandingService(config, { logo, attract });
  }

  summary(): BrandingSummary {
    const attract = this.assets.attract;
    return {
      storeName: this.config.storeName,
      accent: this.config.accentColor ? accentPair(this.config.accentColor) : null,
      logo: this.assets.logo !== null,
      attract: !attract ? 'builtin' : attract.mime.startsWith('video/') ? 'video' : 'image',
    };
  }

  asset(kind: BrandAssetKind): BrandAsset {
    return this.assets[kind] ?? null;
  }
}
