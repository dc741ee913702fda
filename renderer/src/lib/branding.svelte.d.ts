import type { AppInfo } from '../../../electron/shared/schemas/system-schemas';
import type { KioskClient } from './client/kiosk-client';
/**
 * The store's look: name, accent colour (written into the design tokens) and the logo and Attract
 * animation as in-memory object URLs. Without a `branding` section the built-in look stays.
 */
export declare class Branding {
  private readonly client;
  private readonly root;
  storeName: any;
  logoUrl: any;
  attract: any;
  constructor(
    client: KioskClient,
    root?: {
      style: {
        setProperty(name: string, value: string): void;
      };
    },
  );
  apply(info: AppInfo): Promise<void>;
  private load;
}
