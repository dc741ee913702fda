/**
 * `npx tsx tests/bench/heap-snapshot-diff.ts <earlier> <later> [sessions] [--retainers=N]`
 *
 * Compares two heap snapshots of the same process (the soak bench writes them with
 * SOAK_HEAP_SNAPSHOTS=<folder>): live objects by class that grew between them, per session when the
 * number of sessions between the snapshots is given, and for the classes that gained most objects,
 * how the objects created after the earlier snapshot are held: their shortest paths from the GC
 * roots, grouped, most common first. `--retainers=N` sets how many classes get chains (default 6).
 */
import { readHeapSnapshot, type ClassTally } from '../support/heap-snapshot-graph';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const sessions = Number(args.find((a) => /^\d+$/.test(a)) ?? 0);
const retainers = Number(args.find((a) => a.startsWith('--retainers='))?.split('=')[1] ?? 6);
const [earlierFile, laterFile] = files;
if (!earlierFile || !laterFile) {
  console.error(
    'usage: heap-snapshot-diff <earlier.heapsnapshot> <later.heapsnapshot> [sessions] [--retainers=N]',
  );
  process.exit(2);
}

const earlier = readHeapSnapshot(earlierFile);
const later = readHeapSnapshot(laterFile);
const before = new Map<string, ClassTally>(earlier.tally().map((t) => [t.key, t]));
const grown = later
  .tally()
  .map((t) => {
    const b = before.get(t.key);
    return {
      key: t.key,
      count: t.count,
      dCount: t.count - (b?.count ?? 0),
      dBytes: t.selfBytes - (b?.selfBytes ?? 0),
    };
  })
  .filter((t) => t.dCount > 0 || t.dBytes > 0)
  .sort((a, b) => b.dBytes - a.dBytes);

const signed = (v: number, digits = 0) => `${v > 0 ? '+' : ''}${v.toFixed(digits)}`;
const per = (v: number) => (sessions > 0 ? signed(v / sessions, 2).padStart(9) : '');
console.log(
  `objects: ${earlier.nodeCount} → ${later.nodeCount}${sessions ? ` over ${sessions} sessions` : ''}`,
);
console.log(
  `${'class'.padEnd(48)} ${'count'.padStart(8)} ${'Δcount'.padStart(8)} ${'Δbytes'.padStart(10)}${sessions ? '  Δcount/s  Δbytes/s' : ''}`,
);
for (const t of grown.slice(0, 30)) {
  console.log(
    `${t.key.slice(0, 48).padEnd(48)} ${String(t.count).padStart(8)} ${signed(t.dCount).padStart(8)} ${signed(t.dBytes).padStart(10)}${sessions ? ` ${per(t.dCount)} ${per(t.dBytes)}` : ''}`,
  );
}
// Chains for classes with more objects than before; a class that only grew in bytes has bigger
// objects (a longer array), which the table already shows.
for (const t of grown.filter((g) => g.dCount > 0).slice(0, retainers)) {
  console.log(`
how the new '${t.key}' (${signed(t.dCount)}) are held (last steps from the GC roots):`);
  for (const chain of later.retainerChains(t.key, earlier.ids, 7).slice(0, 3))
    console.log(`  ${chain.count} ×\n    ${chain.steps.join('\n    ')}`);
}
