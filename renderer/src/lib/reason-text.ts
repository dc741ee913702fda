import type { Reason } from '../../../electron/shared/schemas/catalog-schemas';
import type { I18n } from './i18n.svelte';

// Parameters that are themselves vocabulary codes get translated before they are filled in.
const VOCABULARY: Record<string, string> = {
  concern: 'concern',
  step: 'step',
  flag: 'flag',
  skinType: 'skinType',
  goal: 'questionnaire.goal',
  metric: 'metric',
};

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** "targets redness — your score 72", in the shopper's language. */
export function reasonText(i18n: I18n, reason: Reason): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params)) {
    const prefix = VOCABULARY[name];
    // Vocabulary labels are capitalised for headings; inside a sentence they read in lower case.
    params[name] =
      prefix && typeof value === 'string' ? lowerFirst(i18n.tOr(`${prefix}.${value}`, value)) : value;
  }
  return i18n.tOr(`reason.${reason.key}`, reason.key.replaceAll('_', ' '), params);
}
