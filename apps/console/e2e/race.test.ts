import { describe, expect, it } from "vitest";
import { message } from "@uketsuke/domain";
import type { Route } from "playwright-core";
import { callIdOf, LOGINS, openConsole, queueRow, suiteForFile } from "./support.ts";

const suite = suiteForFile();

describe("two consoles, one call", () => {
  it("both answer at once: one gets the screen pop, the other is told plainly and keeps a working queue", async () => {
    const sato = await openConsole(suite(), LOGINS.operator);
    const suzuki = await openConsole(suite(), LOGINS.operator2);
    await suite().server.ring({ callId: "race" });
    const callId = await callIdOf(suite().server, "race");
    await Promise.all([queueRow(sato.page, callId).waitFor(), queueRow(suzuki.page, callId).waitFor()]);

    // Hold each answer at the browser's edge until both operators have pressed, then let both
    // go at once: the server, not the test's timing, decides who wins.
    const held: Route[] = [];
    let bothHeld!: () => void;
    const ready = new Promise<void>((resolve) => (bothHeld = resolve));
    for (const page of [sato.page, suzuki.page]) {
      await page.route("**/trpc/calls.answer**", (route) => {
        held.push(route);
        if (held.length === 2) bothHeld();
      });
    }
    await queueRow(sato.page, callId).getByRole("button").click();
    await queueRow(suzuki.page, callId).getByRole("button").click();
    await ready;
    await Promise.all(held.map((route) => route.continue()));
    for (const page of [sato.page, suzuki.page]) await page.unroute("**/trpc/calls.answer**");

    const outcome = await Promise.all(
      [sato.page, suzuki.page].map((page) =>
        Promise.race([
          page.locator("[data-answer-phrase]").waitFor().then(() => "won" as const),
          page.getByText(message("CALL_ALREADY_CLAIMED").ja).waitFor().then(() => "told" as const),
        ]),
      ),
    );
    expect([...outcome].sort()).toEqual(["told", "won"]);

    const loser = outcome[0] === "told" ? sato.page : suzuki.page;
    const winnerId = (await suite().server.running.db.db.selectFrom("calls").select("claimedBy").where("id", "=", callId).executeTakeFirstOrThrow()).claimedBy;
    expect(winnerId).not.toBeNull();
    // The loser's queue no longer offers the call, and still takes the next one.
    await queueRow(loser, callId).waitFor({ state: "detached" });
    await suite().server.ring({ callId: "race-next" });
    const next = await callIdOf(suite().server, "race-next");
    await queueRow(loser, next).waitFor();
    await loser.keyboard.press("Alt+KeyA");
    await loser.locator("[data-answer-phrase]").waitFor();

    await sato.context.close();
    await suzuki.context.close();
  });
});
