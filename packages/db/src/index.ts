export { createDb } from "./connect.ts";
export type { CreateDbOptions, Db } from "./connect.ts";
export { dialectOf, inTransaction, isUniqueViolation } from "./executor.ts";
export type { DialectName, Executor, UniqueConstraint } from "./executor.ts";
export { conflictOf } from "./conflicts.ts";
export { migrateToLatest, migrationProvider } from "./migrations/index.ts";
export type * from "./schema.ts";

export * from "./queries/agency.ts";
export * from "./queries/audit.ts";
export * from "./queries/callbacks.ts";
export * from "./queries/calls.ts";
export * from "./queries/contracts.ts";
export * from "./queries/outbox.ts";
export * from "./queries/reports.ts";
export * from "./queries/roster.ts";
export * from "./queries/sessions.ts";
export * from "./queries/users.ts";
export * from "./queries/wrong-numbers.ts";
