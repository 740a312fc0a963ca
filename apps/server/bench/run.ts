// `pnpm bench`: runs every benchmark in this list, in order (or only those named:
// `pnpm bench save`). Each writes its JSON under .bench-results/.
import "../src/gc-tuning.ts";
import { runSaveBench } from "./save.bench.ts";
import { runScreenPopBench } from "./screen-pop.bench.ts";
import { runOutboxBench } from "./outbox.bench.ts";
import { runSearchBench } from "./search.bench.ts";

const benches: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: "save", run: () => runSaveBench() },
  { name: "screen-pop", run: () => runScreenPopBench() },
  { name: "outbox", run: () => runOutboxBench() },
  { name: "search", run: () => runSearchBench() },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !benches.some((b) => b.name === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(", ")} (have: ${benches.map((b) => b.name).join(", ")})\n`);
  process.exit(2);
}
for (const bench of benches) {
  if (wanted.length === 0 || wanted.includes(bench.name)) await bench.run();
}
