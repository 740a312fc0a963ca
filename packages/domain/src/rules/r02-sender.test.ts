import { describe, expect, it } from "vitest";
import { checkInput } from "../messages/validate.ts";
import { mailboxSchema } from "../schemas/common.ts";
import { expectFieldError } from "../testing/helpers.ts";
import { senderAddress, senderFilterHint } from "./r02-sender.ts";

const DOMAIN = "agency.example.jp";

describe("R2 — the sender is <operator mailbox>@<agency domain>", () => {
  it.each([
    ["suzuki", "suzuki@agency.example.jp"],
    ["ito.k", "ito.k@agency.example.jp"],
    ["op_07-b", "op_07-b@agency.example.jp"],
    ["a", "a@agency.example.jp"],
    ["7", "7@agency.example.jp"],
    ["a".repeat(64), `${"a".repeat(64)}@agency.example.jp`],
  ])("%s → %s", (mailbox, address) => {
    expect(senderAddress(mailbox, DOMAIN)).toBe(address);
  });

  it("keeps the domain the same for every operator, in lower case", () => {
    const senders = ["suzuki", "ito", "tanaka"].map((m) => senderAddress(m, "Agency.Example.JP"));
    expect(new Set(senders.map((s) => s.split("@")[1]))).toEqual(new Set(["agency.example.jp"]));
  });

  it.each([
    ["upper case", "Suzuki"],
    ["a space inside", "suzu ki"],
    ["a leading space", " suzuki"],
    ["a leading dot", ".suzuki"],
    ["a trailing dot", "suzuki."],
    ["two dots", "suzu..ki"],
    ["an @", "suzuki@agency.example.jp"],
    ["empty", ""],
    ["65 characters", "a".repeat(65)],
    ["non-ASCII (kana)", "すずき"],
    ["non-ASCII (accent)", "josé"],
    ["a plus", "suzuki+x"],
    ["a leading hyphen", "-suzuki"],
  ])("refuses a mailbox with %s (%j) with R2_MAILBOX_INVALID", (_what, mailbox) => {
    const field = expectFieldError(() => senderAddress(mailbox, DOMAIN), "", "R2_MAILBOX_INVALID");
    expect(field.text.ja).toContain("半角英小文字");
    expect(field.text.en).toContain("lower-case");
  });

  it("refuses a non-string mailbox with the same R2 code", () => {
    for (const bad of [null, undefined, 42, ["suzuki"]]) {
      const result = checkInput(mailboxSchema, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fields.map((f) => f.code)).toEqual(["R2_MAILBOX_INVALID"]);
    }
  });

  it("refuses a malformed agency domain", () => {
    for (const bad of ["", "agency", "agency..example.jp", "-agency.example.jp", "agency.example.jp/x", "エージェンシー.jp"]) {
      expectFieldError(() => senderAddress("suzuki", bad), "", "FIELD_DOMAIN_INVALID");
    }
  });

  it("tells clients to filter on the domain in both languages", () => {
    const hint = senderFilterHint(DOMAIN);
    expect(hint.ja).toContain("@agency.example.jp");
    expect(hint.ja).toContain("ドメインで受信設定");
    expect(hint.en).toContain('"@agency.example.jp"');
    expect(hint.en).toContain("filter on the domain");
  });
});
