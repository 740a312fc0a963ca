// Imported first by the server's entry point (and the benches, which stand in for it).
//
// V8 pretenures an allocation site once most of what it allocates survives a scavenge.
// node-postgres's row messages reach that (a scavenge often lands while a reply's rows are still
// held), and from then on every row is allocated in the old generation. There the dead ones keep
// the young strings they point to alive until the next full collection, so each scavenge copies
// 1.5–2 MB and stops the server for 5–15 ms. Measured over 5,400 searches on PostgreSQL
// (1,000,000 reports) after 10 s of warming up: with pretenuring 141 collections, 812 ms of
// pauses, the longest 15.4 ms, p95 9.7 ms; without, 120 collections, 205 ms, the longest 3.7 ms,
// p95 7.9 ms.
// Set before anything is allocated, so no site has been pretenured yet.
import v8 from "node:v8";

v8.setFlagsFromString("--no-allocation-site-pretenuring");
