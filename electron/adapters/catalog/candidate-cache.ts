import type { CatalogRecord } from '../../core/catalog/catalog-record';
import { toCandidate, type RecommendCandidate } from '../../core/catalog/recommend-candidate';
import type { CandidatePool } from '../../core/catalog/routine-types';
import type { RoutineStep } from '../../shared/schemas/catalog-schemas';

/**
 * The recommender's view of the catalog, kept in memory per store: loading it from SQLite costs far
 * more than a recommendation, so it is built once per installed snapshot and patched in place when a
 * delta changes a few products. Lists stay sorted by SKU, which keeps recommendations deterministic.
 */
export class CandidateCache {
  private pools = new Map<string, Map<RoutineStep, RecommendCandidate[]>>();

  constructor(private readonly load: (storeId: string) => CandidatePool) {}

  get(storeId: string): CandidatePool {
    let pool = this.pools.get(storeId);
    if (!pool) {
      pool = new Map([...this.load(storeId)].map(([step, list]) => [step, [...list]]));
      this.pools.set(storeId, pool);
    }
    return pool;
  }

  /** Forget everything (a new snapshot was installed). */
  clear(): void {
    this.pools = new Map();
  }

  /** Apply a delta's upserts and removals to every loaded store's pool. */
  patch(upserts: readonly CatalogRecord[], removes: readonly string[]): void {
    for (const [storeId, pool] of this.pools) {
      const gone = new Set([...removes, ...upserts.map((record) => record.sku)]);
      for (const [step, list] of pool)
        pool.set(
          step,
          list.filter((candidate) => !gone.has(candidate.sku)),
        );
      for (const record of upserts) insertSorted(pool, toCandidate(record, storeId));
    }
  }
}

function insertSorted(pool: Map<RoutineStep, RecommendCandidate[]>, candidate: RecommendCandidate): void {
  const list = pool.get(candidate.step) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.sku < candidate.sku) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, candidate);
  pool.set(candidate.step, list);
}
