import { useCallback, useMemo, useState } from "react";
import { checkInput } from "@uketsuke/domain";
import type { z } from "zod";
import { appErrorOf, type AppError, type FieldProblem } from "./errors.ts";
import { useText } from "./locale.tsx";

export type FieldErrors = {
  /** Every problem, field or not, in the order found. */
  readonly problems: readonly FieldProblem[];
  /** The first problem at a field's path ("callbackNumber", "numbers.0"). */
  of(path: string): FieldProblem | undefined;
  /** Validates with the same domain schema the server uses; returns the parsed value or null. */
  check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null;
  /** Shows a server refusal's fields in the same places; returns the app error (or null if none came back). */
  fromServer(error: unknown): AppError | null;
  clear(path?: string): void;
  /** `aria-invalid` and `aria-describedby` for the input at `path`. */
  inputProps(path: string): { "aria-invalid": boolean; "aria-describedby"?: string };
};

export function fieldErrorId(form: string, path: string): string {
  return `${form}-${path.replace(/[^\w-]/g, "-")}-error`;
}

/**
 * A form's field errors, wherever they come from: the domain schema before sending (no round
 * trip for a typo), then the server's `data.fields` by the same `path`, so both appear under
 * the same input in the same words.
 */
export function useFieldErrors(form: string): FieldErrors {
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const of = useCallback((path: string) => problems.find((p) => p.path === path), [problems]);
  const check = useCallback(<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
    const result = checkInput(schema, value);
    setProblems(result.ok ? [] : result.fields);
    return result.ok ? result.value : null;
  }, []);
  const fromServer = useCallback((error: unknown) => {
    const app = appErrorOf(error);
    setProblems(app?.fields ?? []);
    return app;
  }, []);
  const clear = useCallback((path?: string) => setProblems((list) => (path === undefined ? [] : list.filter((p) => p.path !== path))), []);
  const inputProps = useCallback(
    (path: string) => (of(path) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(form, path) } : { "aria-invalid": false }),
    [form, of],
  );
  return useMemo(() => ({ problems, of, check, fromServer, clear, inputProps }), [problems, of, check, fromServer, clear, inputProps]);
}

/** The error under one input, referenced by the input's `aria-describedby`. */
export function FieldErrorText({ form, path, errors }: { form: string; path: string; errors: FieldErrors }) {
  const t = useText();
  const problem = errors.of(path);
  if (!problem) return null;
  return (
    <p className="field-error" id={fieldErrorId(form, path)} data-field-error={path}>
      {t(problem.text)}
    </p>
  );
}
