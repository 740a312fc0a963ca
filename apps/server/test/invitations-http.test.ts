// Issue 7 over real HTTP: a client owner adding an address that belongs to another contract's
// user gets the same status and the same JSON (but for the id and the address) as for a free
// address. Only the captured mails differ, and only their recipients read them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOGINS, startUketsuke, type Uketsuke } from "./support/uketsuke.ts";
import { signIn } from "../src/testing/index.ts";

let server: Uketsuke;

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
}, 60_000);
afterAll(() => server?.close());

async function add(cookie: string, email: string) {
  const response = await fetch(`${server.url}/trpc/users.add`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, cookie },
    body: JSON.stringify({ email, displayName: "新人 一郎" }),
  });
  const json = (await response.json()) as { result: { data: Record<string, unknown> } };
  // The server's clock runs: the instants differ by the milliseconds between the two requests.
  const { id: _id, email: _email, createdAt, expiresAt, ...rest } = json.result.data;
  const lifetimeMs = Date.parse(String(expiresAt)) - Date.parse(String(createdAt));
  return { status: response.status, keys: Object.keys(json.result.data).sort(), rest, lifetimeMs };
}

it("answers a free address and another contract's user's address alike", async () => {
  const owner = await signIn(server.url, LOGINS.mirai);
  const free = await add(owner.cookie, "free-address@mirai-kensetsu.example.com");
  const taken = await add(owner.cookie, LOGINS.hikari);
  expect(free.status).toBe(200);
  expect(taken).toEqual(free);
  expect(free.rest).toMatchObject({ status: "pending" });

  const mails = await server.running.db.db.selectFrom("outbox").select(["toAddresses", "bodyText"]).where("kind", "=", "invitation").execute();
  const to = (email: string) => mails.find((m) => m.toAddresses === JSON.stringify([email]))?.bodyText ?? "";
  // Without PUBLIC_URL the link points where the owner's request came to.
  expect(to("free-address@mirai-kensetsu.example.com")).toContain(`${server.url}/invite/`);
  expect(to(LOGINS.hikari)).not.toContain("/invite/");
  expect(to(LOGINS.hikari)).toContain("already has an account");
});
