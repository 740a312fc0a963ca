import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectRefusal } from "../testing/helpers.ts";
import { assertCanRemove, compileRoster, reorderRoster, routeCall, type RosterMember } from "./r07-routing.ts";

type Member = RosterMember & { readonly address: string };

const SATO: Member = { id: "m-sato", position: 1, name: "佐藤 花子", nameKana: "さとう はなこ", address: "sato@client.example.jp" };
const YAMADA: Member = { id: "m-yamada", position: 2, name: "山田 太郎", nameKana: "ヤマダ タロウ", address: "yamada@client.example.jp" };
const SUZUKI: Member = { id: "m-suzuki", position: 3, name: "鈴木 一郎", nameKana: "すずき いちろう", address: "suzuki@client.example.jp" };
const ROSTER = [SATO, YAMADA, SUZUKI];

const ids = (members: readonly RosterMember[]) => members.map((m) => m.id);

describe("R7 — a call that names a person goes to that person", () => {
  it.each([
    ["山田 太郎", YAMADA],
    ["山田太郎", YAMADA],
    ["山田", YAMADA],
    ["太郎", YAMADA],
    ["やまだ たろう", YAMADA],
    ["ヤマダタロウ", YAMADA],
    ["やまだ", YAMADA],
    ["ヤマダ", YAMADA],
    ["ｽｽﾞｷ", SUZUKI],
    ["たろう", YAMADA],
    ["山田さん", YAMADA],
    ["山田様", YAMADA],
    ["やまださま", YAMADA],
    ["山田 太郎 様", YAMADA],
    ["山田さんいらっしゃいますか", YAMADA],
    ["やまださんいらっしゃいますか", YAMADA],
    ["営業の山田太郎さんをお願いします", YAMADA],
    ["鈴木さん", SUZUKI],
    ["一郎さんですか", SUZUKI],
    ["いちろう", SUZUKI],
    ["佐藤さん", SATO],
    ["花子", SATO],
    ["ハナコさま", SATO],
  ])("%s → %s", (heard, member) => {
    const routing = routeCall(ROSTER, heard);
    expect(routing.recipient).toBe(member);
    expect(routing.reason).toBe("named");
    expect(routing.candidates).toEqual([member]);
  });

  it("agrees between the compiled and the raw roster", () => {
    const compiled = compileRoster(ROSTER);
    for (const heard of ["山田さん", "たろう", "田中", undefined, "山田さんいらっしゃいますか"]) {
      expect(routeCall(compiled, heard)).toEqual(routeCall(ROSTER, heard));
    }
  });
});

describe("R7 — a call that names no one, or someone not on the roster, goes to position 1", () => {
  it.each([undefined, null, "", "   ", "　"])("not named (%j) → position 1", (heard) => {
    expect(routeCall(ROSTER, heard)).toEqual({ recipient: SATO, reason: "not_named", candidates: [] });
  });

  it.each(["田中さん", "たなか", "Tanaka", "高橋さん", "担当の方"])("unknown person %s → position 1, flagged not_found", (heard) => {
    expect(routeCall(ROSTER, heard)).toEqual({ recipient: SATO, reason: "not_found", candidates: [] });
  });

  it("does not take a roster member's given name out of someone else's full name", () => {
    // 高橋 一郎 is not on the roster; 鈴木 一郎 shares only the given name.
    expect(routeCall(ROSTER, "高橋 一郎さん")).toMatchObject({ recipient: SATO, reason: "not_found" });
  });

  it("respects positions, not the order of the input array", () => {
    const shuffled = [SUZUKI, SATO, YAMADA];
    expect(routeCall(shuffled).recipient).toBe(SATO);
    const renumbered = [
      { ...SUZUKI, position: 7 },
      { ...SATO, position: 12 },
      { ...YAMADA, position: 3 },
    ];
    expect(routeCall(renumbered, "").recipient.id).toBe("m-yamada");
    expect(routeCall(renumbered, "田中").recipient.id).toBe("m-yamada");
  });

  it("routes everything to the one person on a roster of one", () => {
    expect(routeCall([SUZUKI]).recipient).toBe(SUZUKI);
    expect(routeCall([SUZUKI], "鈴木").reason).toBe("named");
    expect(routeCall([SUZUKI], "佐藤").reason).toBe("not_found");
    expect(routeCall([SUZUKI], "佐藤").recipient).toBe(SUZUKI);
  });

  it("refuses an empty roster with R7_ROSTER_EMPTY instead of crashing", () => {
    const error = expectRefusal(() => routeCall([]), "R7_ROSTER_EMPTY");
    expect(error.rule).toBe("R7");
    expectRefusal(() => routeCall([], "山田さん"), "R7_ROSTER_EMPTY");
    expectRefusal(() => routeCall(compileRoster([])), "R7_ROSTER_EMPTY");
  });
});

describe("R7 — the same name twice", () => {
  const YAMADA_JIRO: Member = { id: "m-yamada2", position: 4, name: "山田 次郎", nameKana: "やまだ じろう", address: "jiro@client.example.jp" };
  const roster = [YAMADA_JIRO, SATO, YAMADA, SUZUKI];

  it("goes to the higher of two 山田, flagged ambiguous with both candidates", () => {
    for (const heard of ["山田", "山田さん", "やまださま", "山田さんいらっしゃいますか"]) {
      const routing = routeCall(roster, heard);
      expect(routing.reason).toBe("ambiguous");
      expect(routing.recipient).toBe(YAMADA);
      expect(routing.candidates).toEqual([YAMADA, YAMADA_JIRO]);
    }
  });

  it("follows the roster when the client moves the other 山田 up", () => {
    const moved = reorderRoster(roster, ["m-yamada2", "m-sato", "m-yamada", "m-suzuki"]);
    expect(routeCall(moved, "山田").recipient.id).toBe("m-yamada2");
  });

  it("is not ambiguous when the whole name is said", () => {
    expect(routeCall(roster, "山田次郎さん")).toMatchObject({ recipient: YAMADA_JIRO, reason: "named" });
    expect(routeCall(roster, "じろう")).toMatchObject({ recipient: YAMADA_JIRO, reason: "named" });
  });
});

describe("R7 — the client orders the roster", () => {
  it("reorders a permutation to positions 1..n", () => {
    const reordered = reorderRoster(ROSTER, ["m-suzuki", "m-sato", "m-yamada"]);
    expect(reordered.map((m) => [m.id, m.position])).toEqual([
      ["m-suzuki", 1],
      ["m-sato", 2],
      ["m-yamada", 3],
    ]);
    expect(reordered[0]).toMatchObject({ name: "鈴木 一郎", address: "suzuki@client.example.jp" });
    // The input is not changed.
    expect(ROSTER.map((m) => m.position)).toEqual([1, 2, 3]);
  });

  it.each([
    ["a missing id", ["m-suzuki", "m-sato"]],
    ["a duplicate id", ["m-suzuki", "m-sato", "m-sato"]],
    ["a foreign id", ["m-suzuki", "m-sato", "m-other"]],
    ["too many ids", ["m-suzuki", "m-sato", "m-yamada", "m-other"]],
    ["no ids", []],
  ])("refuses %s with R7_REORDER_INVALID", (_what, orderedIds) => {
    const error = expectRefusal(() => reorderRoster(ROSTER, orderedIds), "R7_REORDER_INVALID");
    expect(error.rule).toBe("R7");
  });

  it("keeps the last member on the roster", () => {
    const error = expectRefusal(() => assertCanRemove([SATO], "m-sato"), "R7_LAST_MEMBER");
    expect(error.rule).toBe("R7");
    expect(() => assertCanRemove(ROSTER, "m-sato")).not.toThrow();
    expectRefusal(() => assertCanRemove(ROSTER, "m-other"), "NOT_FOUND");
    expectRefusal(() => assertCanRemove([], "m-sato"), "NOT_FOUND");
  });
});

// ── Property tests ─────────────────────────────────────────────────────────────────────────────

const FAMILY = [
  ["山田", "やまだ"], ["佐藤", "さとう"], ["鈴木", "すずき"], ["高橋", "たかはし"], ["田中", "たなか"],
  ["伊藤", "いとう"], ["渡辺", "わたなべ"], ["中村", "なかむら"],
] as const;
const GIVEN = [["太郎", "たろう"], ["花子", "はなこ"], ["一郎", "いちろう"], ["美咲", "みさき"], ["健", "けん"], ["直樹", "なおき"]] as const;

const rosterArb = fc
  .array(fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...GIVEN), fc.boolean()), { minLength: 1, maxLength: 8 })
  .chain((people) =>
    fc.tuple(fc.constant(people), fc.uniqueArray(fc.integer({ min: -50, max: 1000 }), { minLength: people.length, maxLength: people.length })),
  )
  .map(([people, positions]) =>
    people.map(([[family, familyKana], [given, givenKana], withKana], i): RosterMember => ({
      id: `m${i}`,
      position: positions[i]!,
      name: `${family} ${given}`,
      nameKana: withKana ? `${familyKana} ${givenKana}` : null,
    })),
  );

const heardArb = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("", " ", "さん", "様"),
  fc.tuple(fc.constantFrom(...FAMILY, ...GIVEN), fc.nat(1), fc.constantFrom("", "さん", "様", "さんいらっしゃいますか")).map(([pair, which, suffix]) => pair[which]! + suffix),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const top = (roster: readonly RosterMember[]) => [...roster].sort((a, b) => a.position - b.position)[0]!;

describe("R7 — properties", () => {
  it("always routes to a member of the roster", () => {
    fc.assert(
      fc.property(rosterArb, heardArb, (roster, heard) => {
        const routing = routeCall(roster, heard);
        expect(roster).toContain(routing.recipient);
        for (const c of routing.candidates) expect(roster).toContain(c);
        if (routing.reason === "named" || routing.reason === "ambiguous") expect(routing.candidates[0]).toBe(routing.recipient);
        else expect(routing.recipient).toBe(top(roster));
      }),
      { numRuns: 300 },
    );
  });

  it("with no name it is always the position-1 member", () => {
    fc.assert(
      fc.property(rosterArb, fc.constantFrom(undefined, null, "", "  ", "　\t"), (roster, heard) => {
        expect(routeCall(roster, heard)).toEqual({ recipient: top(roster), reason: "not_named", candidates: [] });
      }),
      { numRuns: 100 },
    );
  });

  it("reorder of any permutation yields positions 1..n and keeps the ids", () => {
    fc.assert(
      fc.property(
        rosterArb.chain((roster) => fc.tuple(fc.constant(roster), fc.shuffledSubarray(ids(roster), { minLength: roster.length, maxLength: roster.length }))),
        ([roster, order]) => {
          const reordered = reorderRoster(roster, order);
          expect(reordered.map((m) => m.position)).toEqual(roster.map((_, i) => i + 1));
          expect(ids(reordered)).toEqual(order);
          expect(new Set(ids(reordered))).toEqual(new Set(ids(roster)));
          // And routing now follows the new order.
          expect(routeCall(reordered).recipient.id).toBe(order[0]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("routing does not depend on the order of the input array", () => {
    fc.assert(
      fc.property(
        rosterArb.chain((roster) =>
          fc.tuple(fc.constant(roster), fc.shuffledSubarray(roster, { minLength: roster.length, maxLength: roster.length }), heardArb),
        ),
        ([roster, shuffled, heard]) => {
          const a = routeCall(roster, heard);
          const b = routeCall(shuffled, heard);
          expect(b.recipient.id).toBe(a.recipient.id);
          expect(b.reason).toBe(a.reason);
          expect(ids(b.candidates)).toEqual(ids(a.candidates));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a given name inside a sentence", () => {
  it("does not route someone else's full name to a roster member who shares the given name", async () => {
    const { routeCall } = await import("./r07-routing.ts");
    const roster = [
      { id: "a", position: 1, name: "佐藤 花子", nameKana: "さとう はなこ" },
      { id: "b", position: 2, name: "鈴木 一郎", nameKana: "すずき いちろう" },
    ];
    expect(routeCall(roster, "高橋 一郎さん")).toMatchObject({ reason: "not_found", recipient: { id: "a" } });
    expect(routeCall(roster, "一郎さん")).toMatchObject({ reason: "named", recipient: { id: "b" } });
    expect(routeCall(roster, "鈴木さんいらっしゃいますか")).toMatchObject({ reason: "named", recipient: { id: "b" } });
  });
});
