/**
 * @uketsuke/domain — the agency's service rules (R1–R10), input schemas, the report format and
 * the business calendar. Pure: no I/O, no clock; every function that depends on time takes it.
 */
export * from "./vocabulary.ts";
export * from "./messages/catalogue.ts";
export * from "./messages/labels.ts";
export * from "./messages/rule-pages.ts";
export * from "./messages/domain-error.ts";
export * from "./messages/validate.ts";

export * from "./calendar/tokyo-time.ts";
export * from "./calendar/business-calendar.ts";
export * from "./calendar/format.ts";
export * from "./calendar/periods.ts";

export * from "./normalise/text.ts";
export * from "./normalise/company-name.ts";
export * from "./normalise/person-name.ts";
export * from "./normalise/phone-number.ts";
export * from "./search/search-text.ts";

export * from "./rules/r01-subject.ts";
export * from "./rules/r02-sender.ts";
export * from "./rules/r03-report-address.ts";
export * from "./rules/r04-inbound.ts";
export * from "./rules/r05-callbacks.ts";
export * from "./rules/r06-wrong-number.ts";
export * from "./rules/r07-routing.ts";
export * from "./rules/r08-caller.ts";
export * from "./rules/r09-business-hours.ts";
export * from "./rules/r10-one-entity.ts";
export * from "./rules/service-requests.ts";
export * from "./rules/contract-status.ts";

export * from "./report/compose-report.ts";
export * from "./report/compose-routing-notice.ts";

export * from "./schemas/common.ts";
export * from "./schemas/contract.ts";
export * from "./schemas/roster.ts";
export * from "./schemas/wrong-numbers.ts";
export * from "./schemas/call.ts";
export * from "./schemas/account.ts";
export * from "./schemas/queries.ts";
export * from "./schemas/invitations.ts";

export * from "./invitations/invitation.ts";
export * from "./invitations/compose-invitation-mail.ts";
