/**
 * A real SMTP server in-process (smtp-server), for the mail tests and benchmarks: nodemailer
 * talks SMTP to it, and every message it accepts is read back with mailparser. Hooks let a test
 * refuse an attempt or hold a message before answering, like a slow or failing mail server.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export type ReceivedMail = {
  raw: Buffer;
  parsed: ParsedMail;
  /** With its angle brackets, as in the header: `<report.…@uketsuke.example.jp>`. */
  messageId: string;
  envelopeTo: string[];
};

export type SmtpSinkOptions = {
  port?: number;
  /** Called for each message before it is accepted; throw to refuse this attempt (a 451). */
  beforeAccept?: (attempt: { index: number; raw: Buffer }) => void | Promise<void>;
  /** Keep the client waiting this long before answering 250 (a slow server). */
  holdMs?: number;
  /** Called right after a message is answered 250, with how many were accepted so far. */
  afterAccept?: (accepted: number) => void;
  /** Do not parse (benchmarks): only count. */
  countOnly?: boolean;
};

export type SmtpSink = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Messages accepted (counts also in countOnly mode). */
  accepted(): number;
  /** Attempts seen (accepted, refused, or lost when the client went away during the hold). */
  attempts(): number;
  /** Messages fully transferred, then dropped because the client disconnected before our 250. */
  lostInFlight(): number;
  /** Messages currently held (transferred, not yet answered). */
  inFlight(): number;
  byMessageId(id: string): ReceivedMail[];
  close(): Promise<void>;
};

export class SmtpRefusal extends Error {
  readonly responseCode: number = 451;
}

/** A final refusal (no such mailbox): retrying cannot help. */
export class SmtpPermanentRefusal extends SmtpRefusal {
  override readonly responseCode = 550;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const closedSessions = new Set<string>();
  let attempts = 0;
  let accepted = 0;
  let lost = 0;
  let inFlight = 0;

  const server = new SMTPServer({
    authOptional: true,
    // A self-signed STARTTLS would make nodemailer refuse the connection: plain SMTP on loopback.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 50,
    size: 10 * 1024 * 1024,
    onClose(session: SMTPServerSession) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const index = attempts++;
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        void (async () => {
          try {
            await options.beforeAccept?.({ index, raw });
          } catch (error) {
            callback(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (options.holdMs) {
            inFlight++;
            await new Promise((resolve) => setTimeout(resolve, options.holdMs));
            inFlight--;
            // The client died while we held it: it never heard 250, so the mail is not ours.
            if (closedSessions.has(session.id)) {
              lost++;
              callback(new Error("client went away"));
              return;
            }
          }
          const acceptedSoFar = ++accepted;
          if (!options.countOnly) {
            const parsed = await simpleParser(raw);
            received.push({ raw, parsed, messageId: parsed.messageId ?? "", envelopeTo });
          }
          callback();
          options.afterAccept?.(acceptedSoFar);
        })();
      });
    },
  });
  server.on("error", () => {
    // A client that vanished mid-session (SIGKILL) is expected here.
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    accepted: () => accepted,
    attempts: () => attempts,
    lostInFlight: () => lost,
    inFlight: () => inFlight,
    byMessageId: (id) => received.filter((m) => m.messageId === id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
