export declare const MIN_NODE: [number, number];
export declare function nodeIsRecentEnough(version: string): boolean;
export declare function main(opts?: {
  repoRoot?: string;
  env?: Record<string, string | undefined>;
  nodeVersion?: string;
  install?: (installScript: string) => number | null;
}): number;
