// Prints what an app bundle pays for parts of @uketsuke/domain (the table in the README).
//   pnpm --filter @uketsuke/domain bundle-size
import { ENTRIES, ESBUILD_VERSION, measureBundle, type EntryName } from "./bundle.ts";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`esbuild ${ESBUILD_VERSION}, ESM for the browser, minified; gzip -9\n`);
console.log("| entry | minified | gzipped | npm packages in the bundle |\n| --- | ---: | ---: | --- |");
for (const entry of Object.keys(ENTRIES) as EntryName[]) {
  const { minified, gzipped, packages } = await measureBundle(entry);
  console.log(`| ${entry} | ${kib(minified)} | ${kib(gzipped)} | ${packages.join(", ") || "—"} |`);
}
