import type { AppInfo, BrandAssetKind } from '../../../electron/shared/schemas/system-schemas';
import type { KioskClient } from './client/kiosk-client';

/**
 * The store's look: name, accent colour (written into the design tokens) and the logo and Attract
 * animation as in-memory object URLs. Without a `branding` section the built-in look stays.
 */
export class Branding {
  storeName = $state<string | null>(null);
  logoUrl = $state<string | null>(null);
  attract = $state<{ kind: 'video' | 'image'; url: string } | null>(null);

  constructor(
    private readonly client: KioskClient,
    private readonly root: {
      style: { setProperty(name: string, value: string): void };
    } = document.documentElement,
  ) {}

  async apply(info: AppInfo): Promise<void> {
    const brand = info.branding;
    if (!brand) return;
    this.storeName = brand.storeName;
    if (brand.accent) {
      this.root.style.setProperty('--accent', brand.accent.fill);
      this.root.style.setProperty('--accent-ink', brand.accent.ink);
    }
    const [logo, attract] = await Promise.all([
      brand.logo ? this.load('logo') : null,
      brand.attract !== 'builtin' ? this.load('attract') : null,
    ]);
    this.logoUrl = logo;
    if (attract && brand.attract !== 'builtin') this.attract = { kind: brand.attract, url: attract };
  }

  private async load(asset: BrandAssetKind): Promise<string | null> {
    const result = await this.client.invoke('app:brand-asset', { asset });
    if (!result.ok || !result.value) return null;
    return URL.createObjectURL(new Blob([result.value.data], { type: result.value.mime }));
  }
}
