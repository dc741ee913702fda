import type { CatalogServices } from '../catalog-services';
import type { PartialHandlerTable } from '../handler-types';

type CatalogChannels =
  | 'catalog:recommend'
  | 'catalog:shade-match'
  | 'catalog:search'
  | 'catalog:status'
  | 'catalog:sync-now'
  | 'catalog:import-file';

/**
 * The catalog's channels. Sync progress reaches the renderer as `catalog:sync-progress` events from
 * the sync service itself, so a scheduled sync shows on the staff screen just like a requested one.
 */
export function createCatalogHandlers(catalog: CatalogServices): PartialHandlerTable<CatalogChannels> {
  return {
    'catalog:recommend': async ({ profile, answers, budgetMinor }) =>
      catalog.query.recommend(profile, answers, budgetMinor),
    'catalog:shade-match': async ({ lab, step, shift }) => catalog.query.shadeMatch(lab, step, shift),
    'catalog:search': async ({ query, limit }) => catalog.query.search(query, limit),
    'catalog:status': async () => catalog.status(),
    'catalog:sync-now': async () => catalog.syncNow(),
    'catalog:import-file': async ({ path }) => catalog.importFile(path),
  };
}
