import type { ProductSummary } from '../../../electron/shared/schemas/catalog-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';

/** Shortest query sent to the catalog, and the longest the field accepts. */
const MIN_QUERY = 2;
export const MAX_QUERY = 80;

/**
 * Search as you type with the on-screen keyboard: the query is edited key by key, each edit asks
 * the catalog, and only the answer to the newest query is shown.
 */
export class SearchFlow {
  query = $state('');
  results = $state<ProductSummary[]>([]);
  error = $state<KioskErrorShape | null>(null);
  private generation = 0;

  constructor(private readonly client: KioskClient) {}

  get searching(): boolean {
    return this.query.trim().length >= MIN_QUERY;
  }

  type(key: string): Promise<void> {
    return this.set((this.query + key).slice(0, MAX_QUERY));
  }

  backspace(): Promise<void> {
    return this.set(this.query.slice(0, -1));
  }

  clear(): Promise<void> {
    return this.set('');
  }

  async set(query: string): Promise<void> {
    this.query = query.slice(0, MAX_QUERY);
    const ticket = ++this.generation;
    const q = this.query.trim();
    if (q.length < MIN_QUERY) {
      this.results = [];
      return;
    }
    const result = await this.client.invoke('catalog:search', { query: q, limit: 20 });
    if (ticket !== this.generation) return;
    if (result.ok) {
      this.results = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}
