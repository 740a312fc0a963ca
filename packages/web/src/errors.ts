import type { LocalizedText } from "@uketsuke/domain";

/** One field the server or the form's schema refused: where, which check, what to tell the person. */
export type FieldProblem = { readonly path: string; readonly code: string; readonly text: LocalizedText };

/** The `data` of every tRPC error (docs: wire contract): catalogue code, rule, ja/en text, fields. */
export type AppError = {
  readonly code: string;
  readonly rule: string | null;
  readonly text: LocalizedText;
  readonly fields: readonly FieldProblem[];
  readonly httpStatus?: number;
};

function isText(value: unknown): value is LocalizedText {
  return typeof value === "object" && value !== null && typeof (value as LocalizedText).ja === "string" && typeof (value as LocalizedText).en === "string";
}

/**
 * The app error a failed call carries, or null when the failure never reached the API (network
 * down, a proxy's HTML page): then the caller shows its own "could not reach the server" text.
 */
export function appErrorOf(error: unknown): AppError | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const { code, rule, text, fields, httpStatus } = data as Record<string, unknown>;
  if (typeof code !== "string" || !isText(text)) return null;
  const problems = Array.isArray(fields)
    ? fields.flatMap((f: unknown) => {
        const { path, code: fieldCode, text: fieldText } = (f ?? {}) as Record<string, unknown>;
        return typeof path === "string" && typeof fieldCode === "string" && isText(fieldText) ? [{ path, code: fieldCode, text: fieldText }] : [];
      })
    : [];
  return {
    code,
    rule: typeof rule === "string" ? rule : null,
    text,
    fields: problems,
    ...(typeof httpStatus === "number" ? { httpStatus } : {}),
  };
}

export function isUnauthenticated(error: unknown): boolean {
  return appErrorOf(error)?.code === "UNAUTHENTICATED";
}
