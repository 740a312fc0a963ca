/**
 * The generic webhook's signature: HMAC-SHA256 over `<timestamp>.<raw body>` with the shared
 * secret, hex, in `X-Uketsuke-Signature: sha256=<hex>`; the timestamp (Unix seconds) in
 * `X-Uketsuke-Timestamp`. Signing the timestamp with the body makes an old request useless
 * once it falls outside the window.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { DomainError } from "@uketsuke/domain";

export const SIGNATURE_HEADER = "x-uketsuke-signature";
export const TIMESTAMP_HEADER = "x-uketsuke-timestamp";
export const SIGNATURE_WINDOW_SECONDS = 300;

export function sign(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

export function verifySignature(options: {
  secret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): SignatureCheck {
  const { signature, timestamp } = options;
  if (!signature || !timestamp) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "malformed" };
  if (Math.abs(options.now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(sign(options.secret, timestamp, options.rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** A failed check as the catalogue's refusal, saying what the sender must fix. */
export function signatureRefusal(reason: Exclude<SignatureCheck, { ok: true }>["reason"]): DomainError {
  switch (reason) {
    case "missing":
      return new DomainError("WEBHOOK_SIGNATURE_MISSING", { params: { header: "X-Uketsuke-Signature, X-Uketsuke-Timestamp" } });
    case "malformed":
      return new DomainError("WEBHOOK_SIGNATURE_MALFORMED", { params: { format: "X-Uketsuke-Signature: sha256=<hex>, X-Uketsuke-Timestamp: <Unix seconds>" } });
    case "stale":
      return new DomainError("WEBHOOK_TIMESTAMP_STALE", { params: { seconds: SIGNATURE_WINDOW_SECONDS } });
    case "mismatch":
      return new DomainError("WEBHOOK_SIGNATURE_MISMATCH");
  }
}
