/**
 * Agreed transfers between areas of the same parent (Huisvestingswet art. 29(2); the same holds for reception
 * places within a province): the parent's total never changes.
 */
import { DistributionError } from './errors.ts';
import { formatWhole } from './format.ts';

export interface SwapArea {
  readonly id: string;
  /** The area whose total must stay the same (a province for municipalities); null for a top-level area. */
  readonly parentId: string | null;
  readonly assigned: number;
}

export interface Swap {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
}

export interface SwappedArea {
  readonly id: string;
  readonly parentId: string | null;
  readonly before: number;
  readonly after: number;
  readonly explanation: string;
}

/**
 * Applies all swaps together (the order of the list does not matter) and refuses, with a Dutch reason, a swap
 * with an unknown area, between areas of different parents, of an amount that is not a whole number > 0, or
 * one that would leave an area below 0 once all swaps are applied.
 * `applySwaps([{ id: 'A', parentId: 'P', assigned: 10 }, { id: 'B', parentId: 'P', assigned: 5 }], [{ from: 'A', to: 'B', amount: 3 }])`
 * → A 7, B 8.
 */
export function applySwaps(areas: readonly SwapArea[], swaps: readonly Swap[]): SwappedArea[] {
  const byId = new Map<string, SwapArea>();
  for (const a of areas) {
    if (byId.has(a.id)) throw new DistributionError('gebied-dubbel', `Gebied ${a.id} komt meer dan eens voor.`, { field: 'areas', areaIds: [a.id] });
    byId.set(a.id, a);
  }
  const delta = new Map<string, number>();
  const notes = new Map<string, string[]>();
  const note = (id: string, text: string) => notes.set(id, [...(notes.get(id) ?? []), text]);
  swaps.forEach((s, k) => {
    const field = `swaps[${k}]`;
    for (const id of [s.from, s.to]) {
      if (!byId.has(id)) throw new DistributionError('gebied-onbekend', `Ruil ${k + 1}: gebied ${id} is onbekend.`, { field, areaIds: [id] });
    }
    if (!Number.isSafeInteger(s.amount) || s.amount <= 0) {
      throw new DistributionError('ruil-aantal-ongeldig', `Ruil ${k + 1}: het aantal moet een geheel getal groter dan 0 zijn (niet ${String(s.amount)}).`, {
        field: `${field}.amount`,
        areaIds: [s.from, s.to],
      });
    }
    if (s.from === s.to) {
      throw new DistributionError('ruil-zelfde-gebied', `Ruil ${k + 1}: ${s.from} kan niet met zichzelf ruilen.`, { field, areaIds: [s.from] });
    }
    const from = byId.get(s.from)!;
    const to = byId.get(s.to)!;
    if (from.parentId !== to.parentId) {
      throw new DistributionError(
        'ruil-andere-ouder',
        `Ruil ${k + 1}: ${s.from} (${from.parentId ?? 'geen'}) en ${s.to} (${to.parentId ?? 'geen'}) vallen niet onder hetzelfde gebied; het totaal daarvan zou veranderen.`,
        { field, areaIds: [s.from, s.to] },
      );
    }
    delta.set(s.from, (delta.get(s.from) ?? 0) - s.amount);
    delta.set(s.to, (delta.get(s.to) ?? 0) + s.amount);
    note(s.from, `${formatWhole(s.amount)} overgedragen aan ${s.to}`);
    note(s.to, `${formatWhole(s.amount)} overgenomen van ${s.from}`);
  });
  const negative = areas.filter((a) => a.assigned + (delta.get(a.id) ?? 0) < 0);
  if (negative.length > 0) {
    const a = negative[0]!;
    throw new DistributionError(
      'ruil-onder-nul',
      `Na de ruilingen zou ${a.id} uitkomen op ${a.assigned + (delta.get(a.id) ?? 0)} (nu ${formatWhole(a.assigned)}); minder dan 0 kan niet.`,
      { field: 'swaps', areaIds: negative.map((x) => x.id) },
    );
  }
  return areas.map((a) => {
    const after = a.assigned + (delta.get(a.id) ?? 0);
    const n = notes.get(a.id);
    return {
      id: a.id,
      parentId: a.parentId,
      before: a.assigned,
      after,
      explanation: n ? `${formatWhole(a.assigned)} → ${formatWhole(after)} (${n.join('; ')})` : `${formatWhole(a.assigned)} (geen ruil)`,
    };
  });
}
