/**
 * The mail server the agency's outbox talks to in these tests: a real SMTP server in-process
 * (smtp-server), so "delivered" on a report's timeline means a mail server said 250. Messages
 * are read back with mailparser.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Delivered = { to: string[]; mail: ParsedMail };

export type MailSink = { url: string; delivered: Delivered[]; close(): Promise<void> };

export async function startMailSink(): Promise<MailSink> {
  const delivered: Delivered[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return { url: `smtp://127.0.0.1:${port}`, delivered, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
