// The tables as kysely sees them. Properties are camelCase: kysely's CamelCasePlugin (see
// connect.ts) maps them to the snake_case columns the migrations create. One shape on both
// engines: ids are TEXT (the app makes them with crypto.randomUUID()), times are TEXT ISO-8601
// UTC (`new Date().toISOString()`, so they sort as text), booleans are INTEGER 0/1 and JSON is
// TEXT; the query functions hand out real booleans and parsed JSON. `Generated<>` marks a
// column the database can fill (a default).
import type { Generated, Insertable, Selectable } from "kysely";
import type {
  AddressKind,
  CallbackStatus,
  CallDirection,
  CallEventType,
  CallOutcome,
  CallSource,
  CallStatus,
  ClientRole,
  ContractStatus,
  ListPolicy,
  Locale,
  OutboxKind,
  OutboxStatus,
  RoutingReason,
  UserRole,
} from "@uketsuke/domain";

/** 0 or 1: SQLite has no boolean, so both engines store an integer. Never leaves the query functions. */
export type Flag = 0 | 1;

export interface AgencyTable {
  id: string;
  name: string;
  /** The domain every report is sent from (R2). */
  mailDomain: string;
  createdAt: Generated<string>;
}

export interface ContractTable {
  id: string;
  agencyId: string;
  /** One contract, one legal entity (R10). */
  legalEntityName: string;
  answerName: string;
  script: Generated<string>;
  status: Generated<ContractStatus>;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
}

export interface ContractNumberTable {
  /** E.164; the primary key, so a forwarded number selects exactly one contract. */
  number: string;
  contractId: string;
  createdAt: Generated<string>;
}

export interface UserTable {
  id: string;
  /** Stored lower-case; look-ups lower-case their argument. */
  email: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
  /** Set iff role = 'client'. */
  contractId: string | null;
  clientRole: ClientRole | null;
  /** Staff only: the part before `@` of the sender address (R2). */
  mailbox: string | null;
  locale: Generated<Locale>;
  createdAt: Generated<string>;
  disabledAt: string | null;
}

export interface SessionTable {
  /** HMAC-SHA-256 (under the cookie secret) of the session token, in hex; the raw token is never stored. */
  id: string;
  userId: string;
  createdAt: Generated<string>;
  expiresAt: string;
  lastSeenAt: Generated<string>;
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
  contractId: string;
  /** 1 = top of the roster = the default recipient (R7). */
  position: number;
  name: string;
  nameKana: string | null;
  department: string | null;
  reportAddress: string;
  addressKind: AddressKind;
  /** For lists: 'open' = accepts posts from non-members (R3); no other kind is ever stored. */
  listPolicy: ListPolicy | null;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
}

export interface WrongNumberEntryTable {
  id: string;
  contractId: string;
  companyName: string;
  companyNameKana: string | null;
  /** JSON array of E.164 strings. */
  numbers: string;
  typicalCalls: string;
  createdAt: Generated<string>;
  updatedAt: Generated<string>;
}

export interface CallTable {
  id: string;
  contractId: string;
  /** The telephony provider's call id; null for calls opened by hand. */
  externalId: string | null;
  fromNumber: string;
  toNumber: string;
  direction: CallDirection;
  status: CallStatus;
  source: CallSource;
  claimedBy: string | null;
  ringAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  createdAt: Generated<string>;
}

export interface CallEventTable {
  id: string;
  externalCallId: string;
  event: CallEventType;
  receivedAt: Generated<string>;
  /** JSON. */
  payload: string;
}

export interface ReportTable {
  id: string;
  contractId: string;
  callId: string | null;
  operatorId: string;
  receivedAt: string;
  callerCompany: string | null;
  callerName: string | null;
  callbackNumber: string | null;
  /** The person asked for, as heard. */
  requestedPerson: string | null;
  routedMemberId: string | null;
  routedName: string;
  routedAddress: string;
  routingReason: RoutingReason;
  message: string;
  callbackRequested: Flag;
  outcome: CallOutcome;
  wrongNumberEntryId: string | null;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Stable across retries, so at-least-once delivery dedupes at the reader. */
  messageId: string;
  createdAt: Generated<string>;
}

export interface CallbackTable {
  id: string;
  reportId: string;
  contractId: string;
  status: Generated<CallbackStatus>;
  requestedAt: string;
  doneAt: string | null;
  doneBy: string | null;
  lastRemindedAt: string | null;
  reminderCount: Generated<number>;
}

export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  reportId: string | null;
  callbackId: string | null;
  messageId: string;
  fromAddress: string;
  /** JSON array of addresses. */
  toAddresses: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Generated<string>;
  lockedUntil: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: Generated<string>;
  /** When the current run of attempts began (a supervisor's retry starts one); null: at createdAt. */
  retrySince: string | null;
}

export interface CapturedMailTable {
  id: string;
  outboxId: string;
  messageId: string;
  fromAddress: string;
  /** JSON array of addresses. */
  toAddresses: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  capturedAt: Generated<string>;
}

export interface AuditLogTable {
  id: string;
  at: Generated<string>;
  actorUserId: string | null;
  actorRole: UserRole | null;
  contractId: string | null;
  /** e.g. 'roster.reorder'. */
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON. */
  detail: string;
}

/** A settled Tokyo day whose figures are kept, with what it held when counted (see agency-figures.ts). */
/**
 * An invitation to an account (issue 7): what the user will be, and an HMAC of the link's token.
 * Its status (pending, accepted, revoked, expired) follows from the times (`invitationStatus`).
 */
export interface InvitationTable {
  id: string;
  /** Lower-case, like users.email; not unique (several contracts may invite one address). */
  email: string;
  role: UserRole;
  /** Set iff role = 'client', like users.contractId. */
  contractId: string | null;
  clientRole: ClientRole | null;
  /** Staff only: the sender mailbox the user will have (R2). */
  mailbox: string | null;
  displayName: string;
  locale: Generated<Locale>;
  /** HMAC-SHA-256 of the link's token under the cookie secret, in hex; the token is never stored here. */
  tokenHash: string;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface FigureDayTable {
  day: string;
  calls: number;
  reports: number;
  ringing: number;
  countedAt: string;
}

export interface FigureDayCountTable {
  day: string;
  figure: "hour" | "wait" | "operator" | "outcome" | "contract";
  key: string;
  calls: number;
  answered: number;
  missed: number;
  closed: number;
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
  figure_days: FigureDayTable;
  invitations: InvitationTable;
  figure_day_counts: FigureDayCountTable;
}

export type Agency = Selectable<AgencyTable>;
export type Contract = Selectable<ContractTable>;
export type User = Selectable<UserTable>;
/** A user as anyone but the login check sees one: never the password hash. */
export type UserProfile = Omit<User, "passwordHash">;
export type Session = Selectable<SessionTable>;
export type RosterMemberRow = Selectable<RosterMemberTable>;
export type Call = Selectable<CallTable>;
export type NewCall = Insertable<CallTable>;
export type Callback = Selectable<CallbackTable>;

/** JSON columns decoded: the numbers as an array. */
export type WrongNumberEntryRow = Omit<Selectable<WrongNumberEntryTable>, "numbers"> & { numbers: string[] };

/** A report as stored, with its flag as a boolean. */
export type Report = Omit<Selectable<ReportTable>, "callbackRequested"> & { callbackRequested: boolean };
export type NewReport = Insertable<ReportTable>;
/** What a list of reports carries: everything but the mail's body (that is `getReport`'s). */
export type ReportSummary = Omit<Report, "bodyText" | "bodyHtml">;

export type OutboxMessage = Omit<Selectable<OutboxTable>, "toAddresses"> & { toAddresses: string[] };
export type OutboxSummary = Omit<OutboxMessage, "bodyText" | "bodyHtml">;
export type CapturedMail = Omit<Selectable<CapturedMailTable>, "toAddresses"> & { toAddresses: string[] };
export type CapturedMailSummary = Omit<CapturedMail, "bodyText" | "bodyHtml">;

export type Invitation = Selectable<InvitationTable>;

export type AuditEntry = Omit<Selectable<AuditLogTable>, "detail"> & { detail: unknown };
