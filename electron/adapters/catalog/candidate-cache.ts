import { buildCandidateTable, type CandidateTable } from '../../core/catalog/candidate-table';
import type { CatalogRecord } from '../../core/catalog/catalog-record';
import { toCandidate, type RecommendCandidate } from '../../core/catalog/recommend-candidate';
import type { CandidateLists, CandidatePool } from '../../core/catalog/routine-types';
import type { RoutineStep } from '../../shared/schemas/catalog-schemas';

interface StorePool {
  lists: Map<RoutineStep, RecommendCandidate[]>;
  tables: Map<RoutineStep, CandidateTable>;
  /** Steps whose list changed since their table was built. */
  stale: Set<RoutineStep>;
  /** Deltas applied to the database but not yet to these lists. */
  pending: Array<{ upserts: readonly CatalogRecord[]; removes: readonly string[] }>;
}

const bySku = (a: RecommendCandidate, b: RecommendCandidate): number =>
  a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;

/**
 * The recommender's view of the catalog, kept in memory per store: loading it from SQLite costs far
 * more than a recommendation, so it is built once per installed snapshot and patched when a delta
 * changes a few products. Patches are queued and worked in when a recommendation next asks, so
 * applying a delta costs the database transaction and nothing more. Lists stay sorted by SKU, which keeps recommendations deterministic.
 */
export class CandidateCache {
  private pools = new Map<string, StorePool>();

  constructor(private readonly load: (storeId: string) => CandidateLists) {}

  get(storeId: string): CandidatePool {
    let pool = this.pools.get(storeId);
    if (!pool) {
      const lists = new Map([...this.load(storeId)].map(([step, list]) => [step, [...list]]));
      pool = { lists, tables: new Map(), stale: new Set(lists.keys()), pending: [] };
      this.pools.set(storeId, pool);
    }
    for (const { upserts, removes } of pool.pending.splice(0)) applyPatch(pool, storeId, upserts, removes);
    for (const step of pool.stale) pool.tables.set(step, buildCandidateTable(pool.lists.get(step) ?? []));
    pool.stale.clear();
    return pool.tables;
  }

  /** Forget everything (a new snapshot was installed). */
  clear(): void {
    this.pools = new Map();
  }

  /** Queue a delta's upserts and removals for every loaded store. */
  patch(upserts: readonly CatalogRecord[], removes: readonly string[]): void {
    for (const pool of this.pools.values()) pool.pending.push({ upserts, removes });
  }
}

function applyPatch(
  pool: StorePool,
  storeId: string,
  upserts: readonly CatalogRecord[],
  removes: readonly string[],
): void {
  const gone = new Set([...removes, ...upserts.map((record) => record.sku)]);
  const added = new Map<RoutineStep, RecommendCandidate[]>();
  for (const record of upserts) {
    const candidate = toCandidate(record, storeId);
    added.set(candidate.step, [...(added.get(candidate.step) ?? []), candidate]);
  }
  for (const [step, list] of pool.lists) {
    const kept = list.filter((candidate) => !gone.has(candidate.sku));
    if (kept.length !== list.length || added.has(step)) {
      pool.lists.set(step, mergeSorted(kept, (added.get(step) ?? []).sort(bySku)));
      pool.stale.add(step);
    }
  }
  for (const [step, list] of added) {
    if (!pool.lists.has(step)) {
      pool.lists.set(step, list.sort(bySku));
      pool.stale.add(step);
    }
  }
}

/** Merges two SKU-sorted lists in one pass. */
function mergeSorted(
  a: readonly RecommendCandidate[],
  b: readonly RecommendCandidate[],
): RecommendCandidate[] {
  if (b.length === 0) return [...a];
  const out: RecommendCandidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(bySku(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
