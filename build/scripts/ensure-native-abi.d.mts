export declare const ABI_BOUND_MODULES: { name: string; binary: string }[];
export declare function readBinaryAbi(binaryPath: string): number | null;
export declare function locateElectron(repoRoot: string): {
  packageDir: string | null;
  version: string | null;
  abi: number | null;
  executable: string | null;
};
export declare function staleModules(
  repoRoot: string,
  targetAbi: number,
): { name: string; dir: string; binaryPath: string; abi: number | null }[];
export declare function main(argv: string[], repoRoot?: string): Promise<number>;
