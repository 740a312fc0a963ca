/**
 * The business's closed vocabularies: every value a status, role, outcome or kind can take, owned
 * here once. The schemas validate with them, the database types its columns with them, and the
 * catalogue labels every value in Japanese and English (`enumLabel`).
 */

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** How a call ended, from the operator's side. Each value comes from one answer of the Q&A. */
export const CALL_OUTCOMES = ["message", "wrong_number", "test_call", "other_company"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Only an active contract takes calls (see `takesCalls`). */
export const CONTRACT_STATUSES = ["active", "suspended", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const USER_ROLES = ["client", "operator", "supervisor"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The agency's own people: operators take calls, supervisors also run contracts and delivery. */
export const STAFF_ROLES = ["operator", "supervisor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CLIENT_ROLES = ["owner", "member"] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

/** R3: a report address is a person's mailbox or a mailing list. */
export const ADDRESS_KINDS = ["person", "list"] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** R3: whether a mailing list accepts posts from non-members. Only "open" may receive reports. */
export const LIST_POLICIES = ["open", "members_only"] as const;
export type ListPolicy = (typeof LIST_POLICIES)[number];

/** R4: only inbound calls are taken; "outbound" exists to be refused. */
export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** "closed" = the call was not taken: outside business hours (R9) or the contract is not active. */
export const CALL_STATUSES = ["ringing", "answered", "ended", "missed", "closed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_SOURCES = ["telephony", "manual"] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/** What a telephony provider tells us about a call. */
export const CALL_EVENT_TYPES = ["ring", "answer", "hangup"] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

/**
 * R7: why a report went to its recipient. "named": the caller named someone on the roster;
 * "not_named": no one, so position 1; "not_found": someone not on the roster, so position 1;
 * "ambiguous": the name fits several (two 山田), so the highest of them.
 */
export const ROUTING_REASONS = ["named", "not_named", "not_found", "ambiguous"] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];

/** R5: a callback is open until the client marks it done. */
export const CALLBACK_STATUSES = ["open", "done"] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/**
 * "notice": tells a contract's owner that where its reports go has changed. "invitation": the
 * mail that invites an address to an account (or tells its owner that it already has one).
 */
export const OUTBOX_KINDS = ["report", "reminder", "notice", "invitation"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** "captured": no SMTP server is configured, so the mail is kept in the database instead. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "captured", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An invitation to an account: pending until the invitee sets a password (accepted), the inviter
 * takes it back (revoked) or its time runs out (expired). Derived from the row and the time
 * (`invitationStatus`), never stored.
 */
export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Requests clients do make that a rule answers with "no" (see `answerServiceRequest`). */
export const SERVICE_REQUEST_KINDS = [
  "change_subject",
  "block_caller",
  "outbound_call",
  "additional_legal_entity",
  "alternative_answer_name",
] as const;
export type ServiceRequestKind = (typeof SERVICE_REQUEST_KINDS)[number];

/** The dashboard's figures cover one of these periods of Tokyo calendar days. */
export const FIGURE_PERIODS = ["thisMonth", "lastMonth", "last90"] as const;
export type FigurePeriod = (typeof FIGURE_PERIODS)[number];

/** Every vocabulary by the name `enumLabel` and `enumOptions` know it by. */
export const VOCABULARIES = {
  locale: LOCALES,
  outcome: CALL_OUTCOMES,
  contractStatus: CONTRACT_STATUSES,
  role: USER_ROLES,
  clientRole: CLIENT_ROLES,
  addressKind: ADDRESS_KINDS,
  listPolicy: LIST_POLICIES,
  callDirection: CALL_DIRECTIONS,
  callStatus: CALL_STATUSES,
  callSource: CALL_SOURCES,
  callEventType: CALL_EVENT_TYPES,
  routingReason: ROUTING_REASONS,
  callbackStatus: CALLBACK_STATUSES,
  outboxKind: OUTBOX_KINDS,
  outboxStatus: OUTBOX_STATUSES,
  invitationStatus: INVITATION_STATUSES,
  serviceRequest: SERVICE_REQUEST_KINDS,
  figurePeriod: FIGURE_PERIODS,
} as const;
export type VocabularyName = keyof typeof VOCABULARIES;
export type VocabularyValue<N extends VocabularyName> = (typeof VOCABULARIES)[N][number];
