/**
 * The server's whole configuration, read and checked once. Nothing else reads process.env:
 * everything below takes what it needs as parameters.
 */
import { z } from "zod";
import { DEFAULT_REMINDER_POLICY, domainNameSchema } from "@uketsuke/domain";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** `file:./data/uketsuke.sqlite` (default), a path, or `postgres://…`. */
  DATABASE_URL: z.string().min(1).default("file:./data/uketsuke.sqlite"),
  /** The agency's mail domain: every report is sent from `<operator>@AGENCY_DOMAIN` (R2). */
  AGENCY_DOMAIN: domainNameSchema.default("uketsuke.example.jp"),
  AGENCY_NAME: z.string().min(1).default("受付 電話代行サービス"),
  /** Signs session ids. Unset: one is generated on first start and kept beside the database. */
  COOKIE_SECRET: z.string().min(32).optional(),
  /** Always mark the session cookie Secure; without it, it is Secure whenever the request came over HTTPS. */
  SECURE_COOKIES: flag.default(false),
  /**
   * How many reverse proxies stand in front of the server (`true` = 1). Only then are
   * X-Forwarded-For (the client's address, for sign-in limits) and X-Forwarded-Proto (HTTPS, for
   * the Secure cookie) believed; without a proxy anyone could write them.
   */
  TRUST_PROXY: z
    .union([z.enum(["true", "false", ""]).transform((v) => (v === "true" ? 1 : 0)), z.coerce.number().int().min(0).max(10)])
    .default(0),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed a demo agency (supervisor, operators, two contracts) into an empty database. */
  SEED_DEMO: flag.default(true),

  /** Shared secret of the signed call-event webhook. Unset: generated once and kept beside the database. */
  TELEPHONY_SECRET: z.string().min(16).optional(),
  /** Twilio's auth token: enables /telephony/twilio/* and checks X-Twilio-Signature with it. */
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The URL the outside world reaches this server at (Twilio signs the URL it called). */
  PUBLIC_URL: z.url().optional(),
  /** `smtp://user:pass@host:587` or `smtps://…`. Unset: mail is captured in the database. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { error: "must start with smtp:// or smtps://" }).optional(),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  /** A claimed mail not marked sent within this time is taken over again (the sender died). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).default(5),
  /** The longest wait between two attempts at one mail. */
  OUTBOX_RETRY_CAP_MINUTES: z.coerce.number().min(0.001).default(30),
  /** A mail refused with "try later" (SMTP 4xx) or not reaching the server is tried this long, then marked failed. */
  OUTBOX_GIVE_UP_AFTER_HOURS: z.coerce.number().min(0.0001).default(72),
  /** R5: the first reminder of an open callback, and then every so often until it is done. */
  REMINDER_FIRST_AFTER_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_REMINDER_POLICY.firstAfterMinutes),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_REMINDER_POLICY.everyMinutes),
  REMINDER_CHECK_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type Env = z.output<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return result.data;
}
