import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import en from '../../../resources/locales/en.json';
import es from '../../../resources/locales/es.json';
import { QualityHint, AnalysisStage } from '../../../electron/shared/schemas/analysis-schemas';
import {
  MetricKey,
  Concern,
  SkinType,
  ItaClass,
  SkinUndertone,
  ToneWithheld,
} from '../../../electron/shared/schemas/skin-profile-schemas';
import { RoutineStep } from '../../../electron/shared/schemas/catalog-schemas';
import { PaymentPhase } from '../../../electron/shared/schemas/checkout-schemas';
import { ErrorCode } from '../../../electron/shared/result';
import { MiddayFeel, Sensitivity, SkinGoal } from '../../../electron/shared/schemas/questionnaire-schemas';
import { DeclineCategory, FunnelStep } from '../../../electron/shared/schemas/telemetry-schemas';
import { UpdateState } from '../../../electron/shared/schemas/system-schemas';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : /\.(svelte|ts)$/.test(f) ? [full] : [];
  });

describe('locales', () => {
  it('English and Spanish have exactly the same keys, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries({ ...en, ...es })) expect(v.trim(), k).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const k of Object.keys(en))
      expect(holes((es as Record<string, string>)[k] ?? ''), k).toBe(
        holes((en as Record<string, string>)[k] ?? ''),
      );
  });

  it('contain every literal key the renderer uses', () => {
    const src = files('renderer/src')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = [...src.matchAll(/\bt(?:Or)?\(\s*'([a-zA-Z][\w.]+)'/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });

  it('contain every key the renderer names in a string, wherever it is written', () => {
    const src = files('renderer/src')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys chosen by a condition (`t(failed ? 'a.b' : 'a.c')`) or kept in tables are plain strings
    // whose first part is one of the locale files' namespaces.
    const namespaces = new Set(Object.keys(en).map((k) => k.split('.')[0]));
    const named = [...src.matchAll(/'([a-z][a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)]
      .map((m) => m[1] ?? '')
      .filter((k) => namespaces.has(k.split('.')[0]));
    expect(named.length).toBeGreaterThan(100);
    const known = (k: string, messages: Record<string, string>) =>
      k in messages || Object.keys(messages).some((key) => key.startsWith(`${k}.`));
    expect([...new Set(named.filter((k) => !known(k, en) || !known(k, es)))]).toEqual([]);
  });

  it('have keys under every prefix the renderer completes at run time', () => {
    const src = files('renderer/src')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // `t(`staff.updates.state.${phase}`)`: at least the prefix must exist in both languages (a
    // screen once asked for `staff.updates.update.*`, which no locale defines).
    const prefixes = [
      ...new Set([...src.matchAll(/\bt(?:Or)?\(\s*`([a-zA-Z][\w.]*\.)\$\{/g)].map((m) => m[1] ?? '')),
    ];
    expect(prefixes.length).toBeGreaterThan(10);
    const missing = prefixes.filter(
      (p) => !Object.keys(en).some((k) => k.startsWith(p)) || !Object.keys(es).some((k) => k.startsWith(p)),
    );
    expect(missing).toEqual([]);
  });

  it('contain every key built from a contract vocabulary', () => {
    const expected = [
      ...QualityHint.options.map((h) => `hints.${h}`),
      ...AnalysisStage.options.map((s) => `analyzing.stage.${s}`),
      ...MetricKey.options.map((m) => `metric.${m}`),
      ...Concern.options.map((c) => `concern.${c}`),
      ...SkinType.options.map((t) => `skinType.${t}`),
      ...ItaClass.options.map((c) => `ita.${c}`),
      ...SkinUndertone.options.map((u) => `undertone.${u}`),
      ...ToneWithheld.options.map((w) => `results.withheld.${w}`),
      ...['ok', 'stale', 'missing'].map((s) => `staff.system.calibration.${s}`),
      ...RoutineStep.options.map((s) => `step.${s}`),
      ...PaymentPhase.options.map((p) => `payment.phase.${p}`),
      ...ErrorCode.options.map((c) => `errors.${c}`),
      ...MiddayFeel.options.map((o) => `questionnaire.middayFeel.${o}`),
      ...UpdateState.shape.phase.options.map((p) => `staff.updates.state.${p}`),
      ...(['low', 'moderate', 'pronounced'] as const).flatMap((b) => [`band.${b}`, `band.${b}.sentence`]),
      ...Sensitivity.options.map((o) => `questionnaire.sensitivity.${o}`),
      ...SkinGoal.options.map((o) => `questionnaire.goal.${o}`),
      ...FunnelStep.options.map((s) => `staff.funnel.step.${s}`),
      ...DeclineCategory.options.map((c) => `staff.funnel.decline.${c}`),
      ...['waiting', 'ok', 'failing'].map((s) => `staff.system.push.${s}`),
    ];
    expect(expected.filter((k) => !(k in en))).toEqual([]);
  });
});

describe('reason keys from the recommender', () => {
  it('every reason the catalog core can emit has a sentence in both languages', () => {
    const core = files('electron/core/catalog')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const keys = new Set([...core.matchAll(/key: '([a-z_]+)'/g)].map((m) => m[1] ?? ''));
    const alternativeKeys = [...core.matchAll(/'(lower_price_option|premium_option|similar_option)'/g)].map(
      (m) => m[1] ?? '',
    );
    for (const k of alternativeKeys) keys.add(k);
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((k) => !(`reason.${k}` in en) || !(`reason.${k}` in es));
    expect(missing).toEqual([]);
  });
});
