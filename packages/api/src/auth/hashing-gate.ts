import { availableParallelism } from "node:os";
import pLimit, { type LimitFunction } from "p-limit";
import { DomainError } from "@uketsuke/domain";

export type HashingGateOptions = {
  /** Hashes at once: more than the cores only makes each one slower. */
  concurrency: number;
  /** Hashes waiting for a turn; past this, a sign-in is told to try again instead of queueing for minutes. */
  maxWaiting: number;
  /**
   * Hashes one client may have running or waiting once the queue is half full: a flood from one
   * address cannot fill it, while a few people signing in at once behind one office NAT still can.
   */
  perClient: number;
};

/**
 * Password hashing is the one thing an anonymous request can make expensive (argon2id: 19 MiB and
 * tens of milliseconds of a core each). The gate bounds how many run and wait, and how many of
 * them one client holds, so a real sign-in waits behind a few hashes, never behind a flood.
 */
export class HashingGate {
  private readonly limit: LimitFunction;
  private readonly held = new Map<string, number>();

  constructor(private readonly options: HashingGateOptions) {
    this.limit = pLimit(options.concurrency);
  }

  /** Runs `task` in turn; refuses with SIGN_IN_BUSY at once when the queue or the client is full. */
  async run<T>(client: string | null, task: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.options.maxWaiting) throw new DomainError("SIGN_IN_BUSY");
    // In-process callers (scripts, tests) have no address and share the global bound only.
    const key = client ?? "";
    const held = this.held.get(key) ?? 0;
    const crowded = this.limit.pendingCount >= this.options.maxWaiting / 2;
    if (client !== null && crowded && held >= this.options.perClient) throw new DomainError("SIGN_IN_BUSY");
    this.held.set(key, held + 1);
    try {
      return await this.limit(task);
    } finally {
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    }
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }
}

/** One per process: the cores it guards are the process's. */
export const passwordHashing = new HashingGate({
  concurrency: Math.min(4, availableParallelism()),
  maxWaiting: 16,
  perClient: 2,
});
