import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type en from '../../../resources/locales/en.json';
import { repoRoot } from './e2e-env';
import { snap } from './preview-host-fixture';
import { expectSoundLayout } from './layout-guard';

export type Locale = 'en' | 'es';
/** Every key of the locale files (checked when a test names one), plus keys built at run time. */
export type Messages = Record<keyof typeof en, string> & Record<string, string>;

/** The shopper-facing words of a language, so one walk-through drives both. */
export const messages = (locale: Locale): Messages =>
  JSON.parse(readFileSync(path.join(repoRoot, 'resources', 'locales', `${locale}.json`), 'utf8')) as Messages;

/** `{name}` placeholders filled the way the renderer fills them. */
export const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_m, key: string) => String(params[key] ?? `{${key}}`));

/**
 * Every screen of the walk-through: the layout guard (overflow, clipping, touch targets, emoji,
 * axe) and a screenshot named `<nn>-<screen>-<orientation>-<language>.png`.
 */
export async function screen(page: Page, info: TestInfo, name: string, locale: Locale): Promise<void> {
  await expectSoundLayout(page);
  await snap(page, `${name}-${info.project.name}-${locale}`);
}
