// An app that imports the catalogue and the schemas must not pay for the holiday table, nor for
// every zod locale: bundled for real with esbuild, the way an app's build tree-shakes.
import { describe, expect, it } from "vitest";
import { measureBundle } from "./bundle.ts";

const HOLIDAYS = ["@holiday-jp/holiday_jp", "japanese-holidays"];
const zodLocales = (files: readonly string[]) => files.filter((path) => /zod\/v4\/locales\/(?!en\.js)/.test(path));

describe("what an app bundle pays for the domain", () => {
  it("the catalogue alone brings no npm package at all", async () => {
    const bundle = await measureBundle("catalogue");
    expect(bundle.packages).toEqual([]);
  });

  it("the catalogue and the schemas bring zod, phone numbers and kana, but no holiday table and no foreign zod locale", async () => {
    for (const entry of ["formSchema", "everySchema"] as const) {
      const bundle = await measureBundle(entry);
      expect(bundle.packages, entry).toEqual(["libphonenumber-js", "wanakana", "zod"]);
      expect(zodLocales(bundle.files), entry).toEqual([]);
    }
  });

  it("formatting Japan time brings the time-zone helper only", async () => {
    expect((await measureBundle("japanTime")).packages).toEqual(["@date-fns/tz"]);
  });

  it("the business calendar is where the holiday table comes in", async () => {
    expect((await measureBundle("calendar")).packages).toEqual(expect.arrayContaining(HOLIDAYS));
    expect((await measureBundle("formSchemaAndCalendar")).packages).toEqual(expect.arrayContaining(HOLIDAYS));
  });

  it("sees zod's locales when they are bundled, so the check above can fail", async () => {
    expect(zodLocales((await measureBundle("zodClassicNamed")).files).length).toBeGreaterThan(10);
  });
});
