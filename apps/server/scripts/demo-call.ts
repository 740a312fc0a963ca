// Sends signed "ring" events to a running Uketsuke, so a new user sees the operator queue move.
//   pnpm demo:call                      three calls to the demo contracts
//   pnpm demo:call --count 5 --to +81312345678 --url http://127.0.0.1:3000 --hangup 20
// Outside business hours (weekdays 09:00–18:00 JST) a ringing call is recorded, not queued (R9);
// to see the queue move in the evening, say when the call rang: --at 2026-11-26T10:00:00+09:00.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { persistentSecret } from "../src/boot.ts";
import { readEnv } from "../src/env.ts";
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../src/telephony/signature.ts";

const env = readEnv();
const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://127.0.0.1:${env.PORT}` },
    count: { type: "string", default: "3" },
    to: { type: "string", multiple: true, default: ["+81312345678", "+81662223333"] },
    hangup: { type: "string", default: "0" },
    at: { type: "string" },
  },
});
const secret = persistentSecret(env.DATABASE_URL, "telephony-secret", env.TELEPHONY_SECRET);

async function send(event: Record<string, string>) {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${values.url}/telephony/events`, {
    method: "POST",
    headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: sign(secret, timestamp, body) },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const calls: string[] = [];
for (let i = 0; i < Number(values.count); i++) {
  const callId = `demo-${randomUUID()}`;
  const to = values.to[i % values.to.length] as string;
  const from = `090${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const at = values.at ? new Date(values.at).toISOString() : new Date().toISOString();
  const result = await send({ type: "ring", callId, from, to, direction: "inbound", at });
  console.log(`ring ${callId} ${from} → ${to}: ${result.status} ${JSON.stringify(result.body)}`);
  calls.push(callId);
}
const hangupAfter = Number(values.hangup);
if (hangupAfter > 0) {
  await new Promise((r) => setTimeout(r, hangupAfter * 1000));
  for (const callId of calls) {
    const result = await send({ type: "hangup", callId, from: "", to: values.to[0] as string, direction: "inbound", at: new Date().toISOString() });
    console.log(`hangup ${callId}: ${result.status} ${JSON.stringify(result.body)}`);
  }
}
