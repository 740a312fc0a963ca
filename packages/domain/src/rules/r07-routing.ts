/**
 * R7 — Q7: a call that names a person is reported to that person; a call that names no one goes
 * to the person at the top of the client's roster. The client orders the roster; position 1 is
 * the default recipient.
 */
import { DomainError, refuse } from "../messages/domain-error.ts";
import { normalisePersonName, personNameKeys } from "../normalise/person-name.ts";
import type { RoutingReason } from "../vocabulary.ts";

export type RosterMember = {
  readonly id: string;
  readonly position: number;
  readonly name: string;
  readonly nameKana?: string | null | undefined;
};

export type Routing<M extends RosterMember> = {
  readonly recipient: M;
  readonly reason: RoutingReason;
  readonly candidates: readonly M[];
};

export type CompiledRoster<M extends RosterMember> = {
  readonly ordered: readonly M[];
  readonly keys: ReadonlyArray<{
    readonly member: M;
    readonly full: readonly string[];
    readonly parts: readonly string[];
    readonly family: readonly string[];
  }>;
};

const MIN_KEY_IN_UTTERANCE = 2;

export function compileRoster<M extends RosterMember>(roster: readonly M[]): CompiledRoster<M> {
  const ordered = [...roster].sort((a, b) => a.position - b.position);
  return { ordered, keys: ordered.map((member) => ({ member, ...personNameKeys(member.name, member.nameKana) })) };
}

/** Route a call to the roster member it names (as heard, in kanji or kana), else position 1. */
export function routeCall<M extends RosterMember>(
  roster: CompiledRoster<M> | readonly M[],
  requestedPerson?: string | null,
): Routing<M> {
  const compiled = "ordered" in roster ? roster : compileRoster(roster);
  const top = compiled.ordered[0];
  if (!top) return refuse("R7_ROSTER_EMPTY");
  const heard = requestedPerson ? normalisePersonName(requestedPerson) : "";
  if (!heard) return { recipient: top, reason: "not_named", candidates: [] };

  // Tightest first: the whole name, then a family or given name, then a whole or family name
  // inside a sentence. A given name alone is not looked for inside a sentence: 高橋一郎 (not on
  // the roster) must not reach 鈴木 一郎.
  const tiers: Array<(k: CompiledRoster<M>["keys"][number]) => boolean> = [
    (k) => k.full.includes(heard),
    (k) => k.parts.includes(heard),
    (k) => k.full.some((f) => f.length >= MIN_KEY_IN_UTTERANCE && heard.includes(f)),
    (k) => k.family.some((f) => f.length >= MIN_KEY_IN_UTTERANCE && heard.includes(f)),
  ];
  for (const tier of tiers) {
    const candidates = compiled.keys.filter(tier).map((k) => k.member);
    const first = candidates[0];
    if (first) return { recipient: first, reason: candidates.length === 1 ? "named" : "ambiguous", candidates };
  }
  return { recipient: top, reason: "not_found", candidates: [] };
}

/** The roster in a new order; positions become 1..n. Every member exactly once, or refused. */
export function reorderRoster<M extends RosterMember>(roster: readonly M[], orderedIds: readonly string[]): M[] {
  const byId = new Map(roster.map((m) => [m.id, m]));
  if (orderedIds.length !== roster.length || new Set(orderedIds).size !== orderedIds.length) refuse("R7_REORDER_INVALID");
  return orderedIds.map((id, index) => {
    const member = byId.get(id);
    if (!member) throw new DomainError("R7_REORDER_INVALID");
    return { ...member, position: index + 1 };
  });
}

/** The last person cannot leave the roster: unnamed calls would have nowhere to go. */
export function assertCanRemove(roster: readonly RosterMember[], id: string): void {
  if (!roster.some((m) => m.id === id)) refuse("NOT_FOUND");
  if (roster.length <= 1) refuse("R7_LAST_MEMBER");
}
