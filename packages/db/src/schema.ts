// The tables as kysely sees them. One shape on both engines: ids are TEXT (the app makes them
// with crypto.randomUUID()), times are TEXT ISO-8601 UTC (`new Date().toISOString()`, so they
// sort as text), booleans are INTEGER 0/1 and JSON is TEXT. `Generated<>` marks a column the
// database can fill (a default).
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** 0 or 1: SQLite has no boolean, so both engines store an integer. */
export type Flag = 0 | 1;

export type ContractStatus = "active" | "suspended" | "ended";
export type UserRole = "client" | "operator" | "supervisor";
export type ClientRole = "owner" | "member";
export type Locale = "ja" | "en";
export type AddressKind = "person" | "list";
export type ListPolicy = "open";
export type CallDirection = "inbound" | "outbound";
/** closed = arrived outside business hours (R9): logged, never queued. */
export type CallStatus = "ringing" | "answered" | "ended" | "missed" | "closed";
export type CallSource = "telephony" | "manual";
export type CallEventKind = "ring" | "answer" | "hangup";
export type RoutingReason = "named" | "not_named" | "not_found" | "ambiguous";
export type ReportOutcome = "message" | "wrong_number" | "test_call" | "other_company";
export type CallbackStatus = "open" | "done";
export type OutboxKind = "report" | "reminder";
export type OutboxStatus = "pending" | "sending" | "sent" | "captured" | "failed";

export interface AgencyTable {
  id: string;
  name: string;
  /** The domain every report is sent from (R2). */
  mail_domain: string;
  created_at: Generated<string>;
}

export interface ContractTable {
  id: string;
  agency_id: string;
  /** One contract, one legal entity (R10). */
  legal_entity_name: string;
  answer_name: string;
  script: Generated<string>;
  status: Generated<ContractStatus>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ContractNumberTable {
  /** E.164; the primary key, so a forwarded number selects exactly one contract. */
  number: string;
  contract_id: string;
  created_at: Generated<string>;
}

export interface UserTable {
  id: string;
  /** Stored lower-case; look-ups lower-case their argument. */
  email: string;
  password_hash: string;
  display_name: string;
  role: UserRole;
  /** Set iff role = 'client'. */
  contract_id: string | null;
  client_role: ClientRole | null;
  /** Staff only: the part before `@` of the sender address (R2). */
  mailbox: string | null;
  locale: Generated<Locale>;
  created_at: Generated<string>;
  disabled_at: string | null;
}

export interface SessionTable {
  /** SHA-256 hex of the session token; the raw token is never stored. */
  id: string;
  user_id: string;
  created_at: Generated<string>;
  expires_at: string;
  last_seen_at: Generated<string>;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  ip: string | null;
  at: Generated<string>;
  success: Flag;
}

export interface RosterMemberTable {
  id: string;
  contract_id: string;
  /** 1 = top of the roster = the default recipient (R7). */
  position: number;
  name: string;
  name_kana: string | null;
  report_address: string;
  address_kind: AddressKind;
  /** For lists: 'open' = accepts posts from non-members (R3). */
  list_policy: ListPolicy | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface WrongNumberEntryTable {
  id: string;
  contract_id: string;
  company_name: string;
  company_name_kana: string | null;
  /** JSON array of E.164 strings. */
  numbers: string;
  typical_calls: string;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface CallTable {
  id: string;
  contract_id: string;
  /** The telephony provider's call id; null for calls opened by hand. */
  external_id: string | null;
  from_number: string;
  to_number: string;
  direction: CallDirection;
  status: CallStatus;
  source: CallSource;
  claimed_by: string | null;
  ring_at: string;
  answered_at: string | null;
  ended_at: string | null;
  created_at: Generated<string>;
}

export interface CallEventTable {
  id: string;
  external_call_id: string;
  event: CallEventKind;
  received_at: Generated<string>;
  /** JSON. */
  payload: string;
}

export interface ReportTable {
  id: string;
  contract_id: string;
  call_id: string | null;
  operator_id: string;
  received_at: string;
  caller_company: string | null;
  caller_name: string | null;
  callback_number: string | null;
  /** The person asked for, as heard. */
  requested_person: string | null;
  routed_member_id: string | null;
  routed_name: string;
  routed_address: string;
  routing_reason: RoutingReason;
  message: string;
  callback_requested: Flag;
  outcome: ReportOutcome;
  wrong_number_entry_id: string | null;
  subject: string;
  body_text: string;
  body_html: string;
  /** Stable across retries, so at-least-once delivery dedupes at the reader. */
  message_id: string;
  created_at: Generated<string>;
}

export interface CallbackTable {
  id: string;
  report_id: string;
  contract_id: string;
  status: Generated<CallbackStatus>;
  requested_at: string;
  done_at: string | null;
  done_by: string | null;
  last_reminded_at: string | null;
  reminder_count: Generated<number>;
}

export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  report_id: string | null;
  callback_id: string | null;
  message_id: string;
  from_address: string;
  /** JSON array of addresses. */
  to_addresses: string;
  subject: string;
  body_text: string;
  body_html: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<string>;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: Generated<string>;
}

export interface CapturedMailTable {
  id: string;
  outbox_id: string;
  message_id: string;
  from_address: string;
  /** JSON array of addresses. */
  to_addresses: string;
  subject: string;
  body_text: string;
  body_html: string;
  captured_at: Generated<string>;
}

export interface AuditLogTable {
  id: string;
  at: Generated<string>;
  actor_user_id: string | null;
  actor_role: UserRole | null;
  contract_id: string | null;
  /** e.g. 'roster.reorder'. */
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON. */
  detail: string;
}

export interface Database {
  agencies: AgencyTable;
  contracts: ContractTable;
  contract_numbers: ContractNumberTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  roster_members: RosterMemberTable;
  wrong_number_entries: WrongNumberEntryTable;
  calls: CallTable;
  call_events: CallEventTable;
  reports: ReportTable;
  callbacks: CallbackTable;
  outbox: OutboxTable;
  captured_mail: CapturedMailTable;
  audit_log: AuditLogTable;
}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;

export type Contract = Selectable<ContractTable>;
export type NewContract = Insertable<ContractTable>;
export type ContractUpdate = Updateable<ContractTable>;

export type ContractNumber = Selectable<ContractNumberTable>;

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;

export type LoginAttempt = Selectable<LoginAttemptTable>;
export type NewLoginAttempt = Insertable<LoginAttemptTable>;

export type RosterMember = Selectable<RosterMemberTable>;
export type NewRosterMember = Insertable<RosterMemberTable>;
export type RosterMemberUpdate = Updateable<RosterMemberTable>;

export type WrongNumberEntryRow = Selectable<WrongNumberEntryTable>;
export type NewWrongNumberEntryRow = Insertable<WrongNumberEntryTable>;
export type WrongNumberEntryRowUpdate = Updateable<WrongNumberEntryTable>;

export type Call = Selectable<CallTable>;
export type NewCall = Insertable<CallTable>;
export type CallUpdate = Updateable<CallTable>;

export type CallEvent = Selectable<CallEventTable>;
export type NewCallEventRow = Insertable<CallEventTable>;

export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;

export type Callback = Selectable<CallbackTable>;
export type NewCallback = Insertable<CallbackTable>;

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type OutboxUpdate = Updateable<OutboxTable>;

export type CapturedMailRow = Selectable<CapturedMailTable>;
export type NewCapturedMailRow = Insertable<CapturedMailTable>;

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
