// The password-hashing gate: never more hashes at once than it allows, a bounded queue, and no
// client holding more than its share; refusals are SIGN_IN_BUSY at once, not a long wait.
import { describe, expect, it } from "vitest";
import { isDomainError } from "@uketsuke/domain";
import { HashingGate } from "../src/auth/hashing-gate.ts";

/** A task that runs until released, recording how many run at once. */
function tasks() {
  let running = 0;
  let most = 0;
  const releases: Array<() => void> = [];
  const task = () =>
    new Promise<string>((resolve) => {
      running++;
      most = Math.max(most, running);
      releases.push(() => {
        running--;
        resolve("done");
      });
    });
  return {
    task,
    most: () => most,
    releaseAll: async () => {
      while (releases.length) {
        releases.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    return String(await promise);
  } catch (error) {
    return isDomainError(error) ? error.code : `thrown: ${String(error)}`;
  }
}

describe("the hashing gate", () => {
  it("runs at most `concurrency` at once and refuses past the waiting room", async () => {
    const gate = new HashingGate({ concurrency: 2, maxWaiting: 3, perClient: 100 });
    const t = tasks();
    const results = Array.from({ length: 8 }, (_, i) => outcome(gate.run(`client-${i}`, t.task)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.waiting).toBe(3);
    await t.releaseAll();
    await t.releaseAll();
    const settled = await Promise.all(results);
    expect(t.most()).toBe(2);
    expect(settled.filter((r) => r === "done")).toHaveLength(5);
    expect(settled.filter((r) => r === "SIGN_IN_BUSY")).toHaveLength(3);
  });

  it("lets one client hold only its share of a crowded queue, while another client still gets in", async () => {
    const gate = new HashingGate({ concurrency: 1, maxWaiting: 4, perClient: 2 });
    const t = tasks();
    // One runs, two wait (the queue is then half full): the client's share is spent.
    const flood = Array.from({ length: 6 }, () => outcome(gate.run("198.51.100.1", t.task)));
    const other = outcome(gate.run("192.0.2.7", t.task));
    for (let i = 0; i < 4; i++) await t.releaseAll();
    const settled = await Promise.all(flood);
    expect(settled.filter((r) => r === "done")).toHaveLength(3);
    expect(settled.filter((r) => r === "SIGN_IN_BUSY")).toHaveLength(3);
    expect(await other).toBe("done");
  });

  it("does not hold a client to its share while the queue is quiet (colleagues behind one NAT)", async () => {
    const gate = new HashingGate({ concurrency: 2, maxWaiting: 16, perClient: 2 });
    const t = tasks();
    const office = Array.from({ length: 5 }, () => outcome(gate.run("203.0.113.5", t.task)));
    for (let i = 0; i < 4; i++) await t.releaseAll();
    expect(await Promise.all(office)).toEqual(["done", "done", "done", "done", "done"]);
  });

  it("gives a client its share back when its hashes finish, failures included", async () => {
    const gate = new HashingGate({ concurrency: 1, maxWaiting: 10, perClient: 1 });
    expect(await outcome(gate.run("c", () => Promise.reject(new Error("boom"))))).toBe("thrown: Error: boom");
    expect(await outcome(gate.run("c", () => Promise.resolve("done")))).toBe("done");
  });
});
