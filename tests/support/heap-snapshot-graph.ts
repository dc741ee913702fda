/**
 * Reads a V8 heap snapshot (`node:v8` writeHeapSnapshot, or Chrome DevTools "Save profile") into a
 * graph that answers the two questions a leak hunt asks: how many objects of each constructor are
 * alive, and which paths from the GC roots keep the new ones alive.
 */
import { readFileSync } from 'node:fs';

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Objects of one class: `object Map`, `closure onAbort`, `string`, `array` … */
export interface ClassTally {
  key: string;
  count: number;
  selfBytes: number;
}

export interface HeapGraph {
  readonly nodeCount: number;
  /** Every object's id. Ids are stable within a process: they tell which objects a later snapshot added. */
  readonly ids: ReadonlySet<number>;
  /** Live objects by class, largest self size first. */
  tally(): ClassTally[];
  /** Bytes of what the program holds: objects, closures, strings, numbers, arrays (not V8's code and maps). */
  jsObjectBytes(): number;
  /**
   * How the objects of a class that are not in `earlier` (created after an earlier snapshot) are
   * held: their shortest paths from the GC roots, grouped by the last `depth` steps (array indices
   * folded, so a thousand entries of one Map count as one chain), most common first.
   */
  retainerChains(key: string, earlier: ReadonlySet<number>, depth: number): RetainerChain[];
}

interface RetainerChain {
  /** Root side first: `.edge → class` steps ending at the object. */
  steps: string[];
  count: number;
}

// A weak edge keeps nothing alive, and a shortcut repeats a path that exists anyway: neither retains.
const SKIPPED_EDGES = new Set(['weak', 'shortcut']);
const STRINGS = new Set(['string', 'concatenated string', 'sliced string']);
const JS_TYPES = new Set([...STRINGS, 'object', 'closure', 'array', 'number', 'regexp', 'symbol', 'bigint']);

export function readHeapSnapshot(file: string): HeapGraph {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [nType, nName, nId, nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) =>
    meta.node_fields.indexOf(f),
  ) as [number, number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) =>
    meta.edge_fields.indexOf(f),
  ) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = raw;
  const count = nodes.length / nf;

  const keyOf = (n: number): string => {
    const type = nodeTypes[nodes[n * nf + nType] as number] ?? '?';
    const name = strings[nodes[n * nf + nName] as number] ?? '';
    return type === 'object' || type === 'closure' || type === 'native' || type === 'synthetic'
      ? `${type} ${name}`
      : type;
  };
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++)
    firstEdge[n + 1] = (firstEdge[n] as number) + (nodes[n * nf + nEdges] as number);
  const edgeLabel = (e: number): string => {
    const type = edgeTypes[edges[e * ef + eType] as number] ?? '?';
    const nameOrIndex = edges[e * ef + eName] as number;
    const name = type === 'element' || type === 'hidden' ? '' : (strings[nameOrIndex] ?? '?');
    // Map and array slots are numbered; a thousand entries of one Map are one way of holding.
    return name === '' || /^\d/.test(name) ? '[]' : `.${name.replace(/ \/ .*$/, '')}`;
  };

  const ids = new Set<number>();
  for (let n = 0; n < count; n++) ids.add(nodes[n * nf + nId] as number);

  return {
    nodeCount: count,
    ids,
    tally() {
      const byKey = new Map<string, ClassTally>();
      for (let n = 0; n < count; n++) {
        const key = keyOf(n);
        const t = byKey.get(key) ?? { key, count: 0, selfBytes: 0 };
        t.count += 1;
        t.selfBytes += nodes[n * nf + nSize] as number;
        byKey.set(key, t);
      }
      return [...byKey.values()].sort((a, b) => b.selfBytes - a.selfBytes);
    },
    jsObjectBytes() {
      let bytes = 0;
      for (let n = 0; n < count; n++)
        if (JS_TYPES.has(nodeTypes[nodes[n * nf + nType] as number] ?? ''))
          bytes += nodes[n * nf + nSize] as number;
      return bytes;
    },
    retainerChains(key, earlier, depth) {
      // Breadth-first from the synthetic root (node 0): the first visit of a node is its shortest path.
      const via = new Int32Array(count).fill(-1);
      const parent = new Int32Array(count).fill(-1);
      const queue = new Uint32Array(count);
      let tail = 1;
      parent[0] = 0;
      for (let q = 0; q < tail; q++) {
        const n = queue[q] as number;
        for (let e = firstEdge[n] as number; e < (firstEdge[n + 1] as number); e++) {
          if (SKIPPED_EDGES.has(edgeTypes[edges[e * ef + eType] as number] ?? '')) continue;
          const to = (edges[e * ef + eTo] as number) / nf;
          if (parent[to] !== -1) continue;
          via[to] = e;
          parent[to] = n;
          queue[tail++] = to;
        }
      }
      const chains = new Map<string, RetainerChain>();
      for (let target = 1; target < count; target++) {
        if (parent[target] === -1 || earlier.has(nodes[target * nf + nId] as number)) continue;
        if (keyOf(target) !== key) continue;
        const steps: string[] = [];
        for (let n = target; n > 0 && steps.length < depth; n = parent[n] as number) {
          // Inside a rope of concatenated strings only the outermost string's holder says anything.
          if (n !== target && STRINGS.has(keyOf(n)) && STRINGS.has(keyOf(parent[n] as number))) continue;
          steps.unshift(`${edgeLabel(via[n] as number)} → ${keyOf(n)}`);
        }
        const id = steps.join(' ');
        const chain = chains.get(id) ?? { steps, count: 0 };
        chain.count += 1;
        chains.set(id, chain);
      }
      return [...chains.values()].sort((a, b) => b.count - a.count);
    },
  };
}
