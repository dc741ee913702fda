import type { Reason, RoutineStep } from '../../shared/schemas/catalog-schemas';
import type { Concern } from '../../shared/schemas/skin-profile-schemas';
import type { Scored } from './candidate-ranking';
import type { CandidateTable } from './candidate-table';
import type { RecommendCandidate } from './recommend-candidate';
import type { ConcernNeed } from './shopper-needs';

/** Candidates grouped by step, each table in a fixed order (the store sorts by SKU). */
export type CandidatePool = ReadonlyMap<RoutineStep, CandidateTable>;

/** The same, as plain lists of candidates (what the store loads and patches). */
export type CandidateLists = ReadonlyMap<RoutineStep, readonly RecommendCandidate[]>;

interface PlannedPick {
  sku: string;
  reasons: Reason[];
}

export interface PlannedSlot {
  step: RoutineStep;
  when: 'am' | 'pm' | 'am_pm';
  optional: boolean;
  /** First the recommendation, then up to two alternatives. */
  picks: PlannedPick[];
}

export interface RoutinePlan {
  slots: PlannedSlot[];
  /** Sum of the first picks' prices, in minor units of the catalog currency. */
  totalMinor: number;
}

export type SlotId = 'cleanse' | 'treat' | 'eye' | 'moisturise' | 'protect' | 'mask';

/** One place in the routine and which steps may fill it. */
export interface SlotSpec {
  id: SlotId;
  steps: readonly RoutineStep[];
  optional: boolean;
  minSpf: number | null;
  wanted: (needs: ReadonlyMap<Concern, ConcernNeed>) => boolean;
}

/** A slot while the routine is being built: its ranked candidates and the current first pick. */
export interface RankedSlot {
  spec: SlotSpec;
  ranked: Scored[];
  primary: Scored;
  budgetPick: boolean;
}
