/**
 * National → province → municipality in one run: each level divides its parent's whole number, so the totals
 * hold at every level (except with round-up, where a level may assign a little more than its parent's number).
 */
import type { ApportionmentMethod } from './apportion.ts';
import { DistributionError } from './errors.ts';
import { distribute, type Distribution, type DistributionKey } from './key.ts';
import type { RationalInput } from './rational.ts';

export interface CascadeNode {
  readonly id: string;
  /** Indicator values used by the key of the level above (not needed on the root). */
  readonly values?: Readonly<Record<string, RationalInput>>;
  readonly existing?: number;
  readonly children?: readonly CascadeNode[];
}

export interface CascadeResult {
  readonly id: string;
  /** 0 for the root, 1 for its children, … */
  readonly level: number;
  readonly parentId: string | null;
  readonly assigned: number;
  readonly existing: number;
  readonly toRealise: number;
  /** How this node's number was divided over its children (null for a leaf). */
  readonly distribution: Distribution | null;
  readonly children: readonly CascadeResult[];
  /** How this node got its number, in Dutch. */
  readonly explanation: string;
}

export interface CascadeOutcome {
  readonly root: CascadeResult;
  /** The nodes without children (e.g. municipalities), depth-first in tree order. */
  readonly leaves: readonly CascadeResult[];
}

function perLevel<T>(value: T | readonly T[], level: number, what: string): T {
  if (!Array.isArray(value)) return value as T;
  const v = (value as readonly T[])[level];
  if (v === undefined) {
    throw new DistributionError('niveau-zonder-sleutel', `Voor niveau ${level + 1} van de verdeling is geen ${what} opgegeven.`, {
      field: what === 'methode' ? 'methodPerLevel' : 'keyPerLevel',
    });
  }
  return v;
}

/**
 * Divides `total` down the tree: level 0 divides the root's number over its children with `keyPerLevel[0]` and
 * `methodPerLevel[0]`, each child's whole number is then divided over its own children with the next level's,
 * and so on. A single method or key applies to every level.
 * `cascade(51000, nl, ['largest-remainder', 'largest-remainder'], [presetKey('population'), presetKey('population')])`
 */
export function cascade(
  total: number,
  tree: CascadeNode,
  methodPerLevel: ApportionmentMethod | readonly ApportionmentMethod[],
  keyPerLevel: DistributionKey | readonly DistributionKey[],
): CascadeOutcome {
  const seen = new Set<string>();
  const walk = (node: CascadeNode): void => {
    if (seen.has(node.id)) throw new DistributionError('gebied-dubbel', `Gebied ${node.id} komt meer dan eens voor in de indeling.`, { field: 'tree', areaIds: [node.id] });
    seen.add(node.id);
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree);
  const leaves: CascadeResult[] = [];

  const build = (node: CascadeNode, level: number, parentId: string | null, assigned: number, existing: number, explanation: string): CascadeResult => {
    const children = node.children ?? [];
    if (children.length === 0) {
      const leaf: CascadeResult = {
        id: node.id,
        level,
        parentId,
        assigned,
        existing,
        toRealise: Math.max(0, assigned - existing),
        distribution: null,
        children: [],
        explanation,
      };
      leaves.push(leaf);
      return leaf;
    }
    const method = perLevel(methodPerLevel, level, 'methode');
    const key = perLevel(keyPerLevel, level, 'verdeelsleutel');
    const distribution = distribute(
      assigned,
      children.map((c) => ({ id: c.id, values: c.values ?? {}, ...(c.existing !== undefined ? { existing: c.existing } : {}) })),
      key,
      method,
    );
    const results = children.map((c, i) => {
      const d = distribution.areas[i]!;
      return build(c, level + 1, node.id, d.share, d.existing, `${d.explanation} (van ${node.id})`);
    });
    return {
      id: node.id,
      level,
      parentId,
      assigned,
      existing,
      toRealise: Math.max(0, assigned - existing),
      distribution,
      children: results,
      explanation,
    };
  };
  const root = build(tree, 0, null, total, tree.existing ?? 0, 'totaal');
  return { root, leaves };
}
