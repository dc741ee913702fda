export interface SecurityIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}
export declare function summarize(issues: SecurityIssue[]): {
  failed: boolean;
  counts: Record<string, number>;
  blocking: SecurityIssue[];
  review: SecurityIssue[];
};
export declare function main(argv: string[], repoRoot?: string): Promise<number>;
