import type { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { appErrorOf } from "./errors.ts";
import { createQueryClient, SESSION_KEY } from "./query-client.ts";

const unauthenticated = {
  data: { code: "UNAUTHENTICATED", rule: null, text: { ja: "ログインしてください。", en: "Please sign in." }, fields: [], httpStatus: 401 },
};

describe("appErrorOf", () => {
  it("reads the wire contract's data: code, rule, text and fields by path", () => {
    const error = {
      data: {
        code: "VALIDATION_FAILED",
        rule: null,
        text: { ja: "入力内容に誤りがあります。", en: "Some fields need attention." },
        fields: [{ path: "callbackNumber", code: "FIELD_PHONE_INVALID", text: { ja: "電話番号の形式が正しくありません。", en: "This is not a valid phone number." } }],
        httpStatus: 400,
      },
    };
    expect(appErrorOf(error)).toEqual({ ...error.data, rule: null });
  });

  it("keeps a rule's id", () => {
    expect(appErrorOf({ data: { code: "R4_OUTBOUND_NOT_OFFERED", rule: "R4", text: { ja: "…", en: "…" }, fields: [] } })?.rule).toBe("R4");
  });

  it("is null for failures that never reached the API, and drops malformed fields", () => {
    expect(appErrorOf(new TypeError("Failed to fetch"))).toBeNull();
    expect(appErrorOf({ data: { code: "X" } })).toBeNull();
    expect(appErrorOf(null)).toBeNull();
    const app = appErrorOf({ data: { code: "VALIDATION_FAILED", text: { ja: "a", en: "b" }, fields: [{ path: 1 }, null, { path: "x", code: "C", text: { ja: "c", en: "d" } }] } });
    expect(app?.fields).toEqual([{ path: "x", code: "C", text: { ja: "c", en: "d" } }]);
  });
});

describe("createQueryClient", () => {
  async function failQuery(client: QueryClient, queryKey: unknown[]) {
    await client.fetchQuery({ queryKey, queryFn: () => Promise.reject(unauthenticated), retry: false }).catch(() => undefined);
  }

  it("sends the person to sign-in when any query answers UNAUTHENTICATED", async () => {
    let told = 0;
    const client = createQueryClient({ onUnauthenticated: () => void told++ });
    await failQuery(client, [["calls", "queue"], { type: "query" }]);
    expect(told).toBe(1);
  });

  it("does not treat the session query's own UNAUTHENTICATED as an expiry (that is just 'signed out')", async () => {
    let told = 0;
    const client = createQueryClient({ onUnauthenticated: () => void told++ });
    await failQuery(client, [...SESSION_KEY, { type: "query" }]);
    expect(told).toBe(0);
  });

  it("resets the session query by default, so the app falls back to its sign-in form", async () => {
    const client = createQueryClient();
    client.setQueryData([...SESSION_KEY, { type: "query" }], { user: { id: "u1" } });
    await failQuery(client, [["calls", "queue"], { type: "query" }]);
    expect(client.getQueryData([...SESSION_KEY, { type: "query" }])).toBeUndefined();
  });
});
