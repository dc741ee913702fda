import en from '../../../resources/locales/en.json';
import es from '../../../resources/locales/es.json';
import { formatMoney } from '../../../electron/shared/money-format';
import type { Locale } from '../../../electron/shared/schemas/system-schemas';

type Messages = Record<string, string>;
const catalogs: Record<Locale, Messages> = { en, es };

export type TParams = Record<string, string | number>;

/**
 * Every visible string comes from resources/locales/<lang>.json. `{name}` placeholders are filled
 * from params; a missing key shows the key itself so a gap is visible, never blank.
 */
export class I18n {
  locale = $state<Locale>('en');
  available = $state<Locale[]>(['en', 'es']);

  t = (key: string, params: TParams = {}): string => {
    const template = catalogs[this.locale][key] ?? catalogs.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
  };

  /** `t` with a key that may not exist (e.g. a reason key from the catalog); falls back to `fallback`. */
  tOr = (key: string, fallback: string, params: TParams = {}): string =>
    key in catalogs[this.locale] || key in catalogs.en ? this.t(key, params) : fallback;

  /** Minor units in the currency's own digits (¥1,200 is 1200, $12.00 is 1200). */
  formatMoney = (amountMinor: number, currency: string): string =>
    formatMoney(amountMinor, currency, this.locale);

  set(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
  }
}
