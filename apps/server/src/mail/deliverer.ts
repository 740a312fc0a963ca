/**
 * How a mail leaves: over SMTP (nodemailer, pooled connections) when SMTP_URL is set, else
 * captured in the database for supervisors to read, so a new install shows the whole flow
 * with no mail server.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { markCaptured, markSent, outboxHeaders, type Executor, type OutboxMessage } from "@uketsuke/db";

export interface Deliverer {
  readonly kind: "smtp" | "capture";
  /** Delivers one claimed row and marks it done; throws if the mail did not go. */
  deliver(db: Executor, row: OutboxMessage, now: Date): Promise<void>;
  close(): Promise<void>;
}

export function smtpDeliverer(smtpUrl: string, options: { maxConnections?: number } = {}): Deliverer {
  // nodemailer reads transport options from the URL's query: a pool of reused connections.
  const url = new URL(smtpUrl);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", String(options.maxConnections ?? 5));
  url.searchParams.set("maxMessages", "1000000");
  const transporter: Transporter = nodemailer.createTransport(url.toString());
  return {
    kind: "smtp",
    async deliver(db, row, now) {
      await transporter.sendMail({
        // The same Message-ID on every attempt: a mail delivered twice is recognisably one mail.
        messageId: row.messageId,
        from: row.fromAddress,
        to: row.toAddresses,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml,
        textEncoding: "base64",
        headers: outboxHeaders(row),
      });
      await markSent(db, row.id, now.toISOString());
    },
    async close() {
      transporter.close();
    },
  };
}

export function captureDeliverer(): Deliverer {
  return {
    kind: "capture",
    async deliver(db, row, now) {
      await markCaptured(db, row.id, now.toISOString());
    },
    async close() {},
  };
}
