import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCatalogServices,
  DEMO_FEED_DIR,
  DEMO_PUBLIC_KEY,
  type CatalogServices,
} from '../../../electron/services/catalog-services';
import { createCatalogHandlers } from '../../../electron/services/handlers/catalog-handlers';
import type { HandlerContext } from '../../../electron/services/handler-types';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { channels } from '../../../electron/shared/ipc-contract';
import { RoutineStep } from '../../../electron/shared/schemas/catalog-schemas';
import { Concern, type SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import { manyProducts, tempDir, TestPublisher } from '../../unit/adapters/catalog/catalog-test-feed';

const repoResources = path.resolve(__dirname, '../../../resources');
const ctx: HandlerContext = { emit: () => undefined };
const questionnaireOnly: SkinProfile = {
  source: 'questionnaire',
  type: 'combination',
  sensitive: false,
  tone: null,
  metrics: [],
  concerns: [],
  meta: null,
};

describe('catalog services on the bundled demo catalog', () => {
  const scratch = tempDir('catalog-services-');
  const paths = { dataDir: path.join(scratch.dir, 'data'), resourcesDir: repoResources, modelDir: '' };
  let services: CatalogServices;
  let handlers: ReturnType<typeof createCatalogHandlers>;

  beforeAll(async () => {
    services = await createCatalogServices(KioskConfigSchema.parse({ storeId: 'demo-store' }), paths, ctx, {
      schedule: false,
    });
    handlers = createCatalogHandlers(services);
  });
  afterAll(async () => {
    await services.dispose();
    scratch.cleanup();
  });

  it('installs the demo catalog on first run with no configuration', async () => {
    const status = channels['catalog:status'].output.parse(await handlers['catalog:status']({}, ctx));
    expect(status).toMatchObject({
      source: expect.stringMatching(/^Demo catalog/),
      lastError: null,
      nextSyncAt: null,
    });
    expect(status.productCount).toBeGreaterThanOrEqual(150);
    expect(status.version).toMatch(/^\d+\.[0-9a-f]{8}$/);
  });

  it('covers every routine step and concern, with ≥ 60 shades over Monk 1–10 in three undertones', () => {
    const steps = new Set<string>();
    const concerns = new Set<string>();
    for (const step of RoutineStep.options) {
      for (const product of services.query.search(step, 50)) {
        steps.add(product.step);
        product.concerns.forEach((c) => concerns.add(c));
      }
    }
    expect([...steps].sort()).toEqual([...RoutineStep.options].sort());
    for (const concern of Concern.options)
      expect(services.query.search(concern.replace('_', ' '), 5).length, concern).toBeGreaterThan(0);
    const shades = (['foundation', 'concealer'] as const).flatMap((step) =>
      Array.from(
        { length: 11 },
        (_, k) => services.query.shadeMatch({ L: 95 - k * 8, a: 8, b: 16 }, step, 0).candidates,
      ).flat(),
    );
    expect(new Set(shades.map((s) => s.undertone))).toEqual(new Set(['cool', 'neutral', 'warm']));
    expect(concerns.size).toBeGreaterThanOrEqual(10);
  });

  it('recommends a complete routine from the questionnaire alone, with images and reasons', async () => {
    const routine = channels['catalog:recommend'].output.parse(
      await handlers['catalog:recommend'](
        {
          profile: questionnaireOnly,
          answers: { goal: 'calm_redness', sensitivity: 'often' },
          budgetMinor: null,
        },
        ctx,
      ),
    );
    expect(routine.slots.map((s) => s.step)).toEqual(
      expect.arrayContaining(['cleanser', 'moisturizer', 'sunscreen']),
    );
    expect(routine.slots.some((s) => s.step === 'serum' || s.step === 'treatment')).toBe(true);
    for (const slot of routine.slots) {
      for (const pick of slot.picks) {
        expect(pick.product.flags).toContain('fragrance_free');
        expect(pick.reasons.length).toBeGreaterThan(0);
        expect(services.resolveImagePath(pick.product.imageUrl!)).not.toBeNull();
      }
    }
    expect(
      routine.slots.find((s) => s.step === 'sunscreen')!.picks.every((p) => (p.product.spf ?? 0) >= 30),
    ).toBe(true);
    expect(routine.total?.currency).toBe('USD');
    const treat = routine.slots.find((s) => s.step === 'serum' || s.step === 'treatment')!;
    expect(treat.picks[0]!.reasons[0]).toEqual({
      key: 'matches_goal',
      params: { concern: 'redness', goal: 'calm_redness' },
    });
  });

  it('matches shades and searches through the handlers', async () => {
    const match = channels['catalog:shade-match'].output.parse(
      await handlers['catalog:shade-match'](
        { lab: { L: 62, a: 11, b: 19 }, step: 'foundation', shift: 0 },
        ctx,
      ),
    );
    expect(match.candidates).toHaveLength(3);
    expect(match.closeMatch).toBe(true);
    const darker = await handlers['catalog:shade-match'](
      { lab: { L: 62, a: 11, b: 19 }, step: 'foundation', shift: 1 },
      ctx,
    );
    expect(darker.candidates.every((c) => c.lab.L < match.candidates[0]!.lab.L)).toBe(true);
    const hits = channels['catalog:search'].output.parse(
      await handlers['catalog:search']({ query: 'vitamin c', limit: 10 }, ctx),
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /vitamin c/i.test(h.name))).toBe(true);
    expect(await handlers['catalog:search']({ query: '  ', limit: 10 }, ctx)).toEqual([]);
  });

  it('refuses to sync with no feed configured', async () => {
    await expect(handlers['catalog:sync-now']({}, ctx)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('catalog import and restarts', () => {
  const scratch = tempDir('catalog-import-');
  afterAll(() => scratch.cleanup());

  it('imports a signed feed from a folder, keeps it across restarts, and refuses one signed by another key', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'usb'));
    await publisher.publish(manyProducts(12));
    const config = KioskConfigSchema.parse({ catalog: { publicKeyPem: publisher.keys.publicKeyPem } });
    const paths = { dataDir: path.join(scratch.dir, 'data'), resourcesDir: repoResources, modelDir: '' };
    const first = await createCatalogServices(config, paths, ctx, { schedule: false });
    const report = await createCatalogHandlers(first)['catalog:import-file'](
      { path: path.join(publisher.feedDir, 'manifest.json') },
      ctx,
    );
    expect(report).toMatchObject({ outcome: 'applied', mode: 'snapshot', added: 12 });
    expect(first.status()).toMatchObject({ productCount: 12, source: 'Imported file: products.csv' });
    const other = new TestPublisher(path.join(scratch.dir, 'other'));
    await other.publish(manyProducts(3));
    await expect(first.importFile(other.feedDir)).rejects.toMatchObject({ code: 'FEED_SIGNATURE_INVALID' });
    await expect(first.importFile(path.join(scratch.dir, 'nowhere'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await first.dispose();

    const second = await createCatalogServices(config, paths, ctx, { schedule: false });
    expect(second.status()).toMatchObject({ productCount: 12, source: 'Imported file: products.csv' });
    await second.dispose();
  });

  it('refreshes the demo catalog when the app ships a new one, unless a real catalog replaced it', async () => {
    const resources = path.join(scratch.dir, 'resources');
    cpSync(path.join(repoResources, 'catalog'), path.join(resources, 'catalog'), { recursive: true });
    const paths = { dataDir: path.join(scratch.dir, 'demo-data'), resourcesDir: resources, modelDir: '' };
    const first = await createCatalogServices(KioskConfigSchema.parse({}), paths, ctx, { schedule: false });
    const bundled = first.status().version;
    await first.dispose();

    const newer = new TestPublisher(path.join(scratch.dir, 'new-demo'));
    await newer.publish(manyProducts(7));
    cpSync(newer.feedDir, path.join(resources, DEMO_FEED_DIR), { recursive: true, force: true });
    writeFileSync(path.join(resources, DEMO_PUBLIC_KEY), newer.keys.publicKeyPem);
    const second = await createCatalogServices(KioskConfigSchema.parse({}), paths, ctx, { schedule: false });
    expect(second.status()).toMatchObject({
      productCount: 7,
      source: expect.stringMatching(/^Demo catalog/),
    });
    expect(second.status().version).not.toBe(bundled);
    await second.dispose();
    expect(existsSync(path.join(paths.dataDir, 'catalog', 'sync-state.json'))).toBe(true);
  });

  it('still serves the installed catalog when the bundled demo is missing', async () => {
    const paths = {
      dataDir: path.join(scratch.dir, 'no-demo'),
      resourcesDir: path.join(scratch.dir, 'empty'),
      modelDir: '',
    };
    mkdirSync(paths.resourcesDir, { recursive: true });
    const services = await createCatalogServices(KioskConfigSchema.parse({}), paths, ctx, {
      schedule: false,
    });
    expect(services.status()).toMatchObject({ productCount: 0, source: 'none' });
    expect(() => services.query.search('serum', 5)).toThrow(/No catalog is installed/);
    await services.dispose();
  });
});
