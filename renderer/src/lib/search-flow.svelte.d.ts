import type { KioskClient } from './client/kiosk-client';
/** Shortest query sent to the catalog, and the longest the field accepts. */
export declare const MIN_QUERY = 2;
export declare const MAX_QUERY = 80;
/**
 * Search as you type with the on-screen keyboard: the query is edited key by key, each edit asks
 * the catalog, and only the answer to the newest query is shown.
 */
export declare class SearchFlow {
  private readonly client;
  query: any;
  results: any;
  error: any;
  private generation;
  constructor(client: KioskClient);
  get searching(): boolean;
  type(key: string): Promise<void>;
  backspace(): Promise<void>;
  clear(): Promise<void>;
  set(query: string): Promise<void>;
}
