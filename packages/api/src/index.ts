export { appRouter, type AppRouter } from "./root.ts";
export { createCallerFactory, type Access, type Meta } from "./trpc.ts";
export { createContext, type ApiDeps, type Context } from "./context.ts";
export { InProcessEventBus, type AgencyEvent, type EventBus, type StoredEvent } from "./events/event-bus.ts";
export { hashPassword, verifyPassword } from "./auth/password.ts";
export { SESSION_COOKIE } from "./auth/session-token.ts";
export { createUser } from "./services/users.ts";
export { saveMessage } from "./services/save-message.ts";
export type { AppErrorData } from "./errors.ts";
