/**
 * @uketsuke/web — what the console and the dashboard share: the API client, the query client,
 * the language, sign-in, field errors, rule notices, the live-connection status and a segmented choice.
 * The figures pages' charts and tables come from `@uketsuke/web/figures` (uPlot stays out of the rest).
 * Browser tests import `@uketsuke/web/testing` instead (Node only).
 */
export { createApiClient, TRPCProvider, useTRPC, useTRPCClient, type ApiClient, type AppRouter } from "./trpc.ts";
export { createQueryClient, isSessionKey, SESSION_KEY } from "./query-client.ts";
export { appErrorOf, isUnauthenticated, type AppError, type FieldProblem } from "./errors.ts";
export { fillText, LocaleProvider, useLocale, useText, type Locale, type LocalizedText, type TextParams } from "./locale.tsx";
export { LanguageSwitch } from "./language-switch.tsx";
export { FieldErrorText, fieldErrorId, useFieldErrors, type FieldErrors } from "./field-errors.tsx";
export { RuleNotice, type RuleNoticeProps } from "./rule-notice.tsx";
export { LiveBanner, LiveIndicator, useLiveStatus, useLiveTrouble, type LiveStatus } from "./live-status.tsx";
export { startFreshSession, useSession, useSignOut, type Session, type SignedInSession } from "./session.tsx";
export { SignInForm } from "./sign-in-form.tsx";
export { Segmented, type SegmentedOption } from "./segmented.tsx";
export { WebProvider } from "./provider.tsx";
export { webMessages } from "./messages.ts";
export { InvitationList, invitationMessages, InviteeFields, type InvitationListProps, type PendingInvitation } from "./invitations.tsx";
