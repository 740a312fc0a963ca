// What an app bundle pays for parts of @uketsuke/domain: an entry is bundled for the browser the
// way an app's build would (ESM, minified, tree-shaken), then gzipped. esbuild comes through tsx,
// already a dev dependency, so measuring adds no dependency of its own.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** The part of esbuild's API used here (its types are not a dependency of this package). */
type Esbuild = {
  readonly version: string;
  build(options: Record<string, unknown>): Promise<{
    outputFiles: Array<{ contents: Uint8Array }>;
    metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  }>;
};
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx"))("esbuild") as Esbuild;
const packageDir = fileURLToPath(new URL("..", import.meta.url));

export const ESBUILD_VERSION = esbuild.version;

/** An app's import, by what it gets. Each uses what it imports, so nothing is dropped for being unused. */
export const ENTRIES = {
  catalogue: `import { message, fieldLabel, enumLabel, enumOptions, ruleInfo, rulePages } from "@uketsuke/domain"; console.log(message, fieldLabel, enumLabel, enumOptions, ruleInfo, rulePages);`,
  formSchema: `import { message, rosterMemberInputSchema, checkInput } from "@uketsuke/domain"; console.log(message, rosterMemberInputSchema, checkInput);`,
  formSchemaAndCalendar: `import { message, rosterMemberInputSchema, checkInput, isOpen, businessStatus } from "@uketsuke/domain"; console.log(message, rosterMemberInputSchema, checkInput, isOpen, businessStatus);`,
  everySchema: `import * as d from "@uketsuke/domain"; console.log(d.message, d.checkInput, d.fieldLabel, d.enumLabel, d.ruleInfo, d.loginInputSchema, d.contractInputSchema, d.rosterMemberInputSchema, d.rosterMemberUpdateSchema, d.rosterReorderSchema, d.wrongNumberInputSchema, d.messageInputSchema, d.reportFilterSchema, d.clientUserInputSchema, d.staffInputSchema);`,
  japanTime: `import { formatJst, formatAge, tokyoDate, startOfTokyoDay } from "@uketsuke/domain"; console.log(formatJst, formatAge, tokyoDate, startOfTokyoDay);`,
  calendar: `import { isOpen, businessStatus, holidayOn } from "@uketsuke/domain"; console.log(isOpen, businessStatus, holidayOn);`,
  phoneFormatting: `import { formatPhoneNumber } from "@uketsuke/domain"; console.log(formatPhoneNumber);`,
  everything: `import * as domain from "@uketsuke/domain"; console.log(domain);`,
  zodClassic: `import * as z from "zod"; console.log(z.object({ a: z.string() }));`,
  zodClassicNamed: `import { z } from "zod"; console.log(z.object({ a: z.string() }));`,
} as const;
export type EntryName = keyof typeof ENTRIES;

export type Bundle = { readonly minified: number; readonly gzipped: number; readonly packages: readonly string[]; readonly files: readonly string[] };

/** Bundle one entry; `packages` are the npm packages that put code into the output. */
export async function measureBundle(entry: EntryName): Promise<Bundle> {
  const result = await esbuild.build({
    stdin: { contents: ENTRIES[entry], resolveDir: packageDir, loader: "ts" },
    alias: { "@uketsuke/domain": `${packageDir}src/index.ts` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  // Only what made it into the output: metafile.inputs lists every file parsed, kept or not.
  const [output] = Object.values(result.metafile.outputs);
  const files = Object.entries(output!.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
  const packages = [...new Set(files.flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path.replace(/.*node_modules\/\.pnpm\/[^/]+\//, ""))?.[1] ?? []))];
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, packages: packages.sort(), files };
}
