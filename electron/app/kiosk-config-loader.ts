import { readFile } from 'node:fs/promises';
import { KioskConfigSchema, type KioskConfig } from '../core/config/kiosk-config-schema';

export interface LoadedConfig {
  config: KioskConfig;
  /** Why the file could not be used; the kiosk then runs on defaults behind a "needs setup" screen. */
  needsSetup: string | null;
}

/** A missing file means the bundled demo; an unreadable or invalid one means "needs setup". */
export async function loadKioskConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: KioskConfigSchema.parse({}), needsSetup: null };
    return { config: KioskConfigSchema.parse({}), needsSetup: `Cannot read ${file}: ${(err as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: KioskConfigSchema.parse({}), needsSetup: `${file} is not valid JSON.` };
  }
  const parsed = KioskConfigSchema.safeParse(json);
  if (parsed.success) return { config: parsed.data, needsSetup: null };
  const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { config: KioskConfigSchema.parse({}), needsSetup: reasons.join('\n') };
}
