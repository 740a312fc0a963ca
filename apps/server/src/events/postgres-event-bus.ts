/**
 * The event bus for several server instances on one PostgreSQL (DESIGN: "PostgreSQL
 * LISTEN/NOTIFY when several server instances share one PostgreSQL"). A webhook taken by one
 * instance reaches the consoles connected to every other.
 *
 * Ids come from a sequence, and each publish takes a transaction-scoped advisory lock, so the
 * order of ids is the order of commits, which is the order PostgreSQL delivers notifications in:
 * every instance sees the same events with the same ids in the same order, and a console that
 * reconnects to another instance can ask for what came after its last id.
 *
 * Publishing goes through kysely like every other statement; listening needs a connection of its
 * own that stays in LISTEN, which kysely does not offer, so that one is a plain pg.Client.
 */
import pg from "pg";
import { sql, type Kysely } from "kysely";
import { EventFanOut, type AgencyEvent, type EventBus, type StoredEvent } from "@uketsuke/api";
import type { Database } from "@uketsuke/db";
import type { Logger } from "../logger.ts";

const CHANNEL = "uketsuke_events";
const SEQUENCE = "uketsuke_event_id";
/** Any fixed number: the lock that orders publishers. */
const PUBLISH_LOCK = 72_001;

export class PostgresEventBus implements EventBus {
  private readonly fanOut = new EventFanOut(1000);
  private listener: pg.Client | null = null;
  private publishing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
  ) {}

  static async start(url: string, db: Kysely<Database>, logger: Logger): Promise<PostgresEventBus> {
    const bus = new PostgresEventBus(url, db, logger);
    await sql`create sequence if not exists ${sql.raw(SEQUENCE)}`.execute(db);
    await bus.listen();
    return bus;
  }

  /** Connects the LISTEN connection; events before this moment cannot be replayed from here. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { id, event } = JSON.parse(message.payload) as { id: number | string; event: AgencyEvent };
        this.fanOut.deliver({ id: Number(id), event });
      } catch (error) {
        this.logger.error({ err: error }, "event bus: unreadable notification");
      }
    });
    client.on("error", (error) => {
      this.logger.warn({ err: error }, "event bus: LISTEN connection lost; reconnecting");
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.fanOut.resetTo(await this.sequenceHead());
    this.listener = client;
  }

  private async reconnect(lost: pg.Client): Promise<void> {
    if (this.listener !== lost || this.closed) return;
    this.listener = null;
    void lost.end().catch(() => {});
    for (let delay = 250; !this.closed; delay = Math.min(delay * 2, 10_000)) {
      try {
        await this.listen();
        return;
      } catch (error) {
        this.logger.warn({ err: error }, "event bus: reconnect failed");
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async sequenceHead(): Promise<number> {
    // Kysely's CamelCasePlugin renames the result's columns too.
    const { rows } = await sql<{ lastValue: string; isCalled: boolean }>`select last_value, is_called from ${sql.raw(SEQUENCE)}`.execute(this.db);
    const row = rows[0];
    return row?.isCalled ? Number(row.lastValue) : 0;
  }

  /** Delivered to local subscribers when PostgreSQL hands the notification back, like everyone's. */
  publish(event: AgencyEvent): void {
    this.publishing = this.publishing
      .then(() =>
        this.db.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx);
          await sql`select pg_notify(${CHANNEL}, json_build_object('id', nextval(${SEQUENCE}), 'event', ${JSON.stringify(event)}::json)::text)`.execute(trx);
        }),
      )
      .catch((error: unknown) => this.logger.error({ err: error, event: event.type }, "event bus: publish failed"));
  }

  subscribe(listener: (stored: StoredEvent) => void): () => void {
    return this.fanOut.subscribe(listener);
  }

  since(lastId: number): StoredEvent[] | null {
    return this.fanOut.since(lastId);
  }

  head(): number {
    return this.fanOut.head();
  }

  /** Waits for publishes in flight, then drops the LISTEN connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.publishing;
    await this.listener?.end();
    this.listener = null;
  }
}
