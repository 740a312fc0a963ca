import { message, ruleOf, type LocalizedText, type MessageCode, type MessageParams, type RuleId } from "./catalogue.ts";

/**
 * One field that failed its schema: where (`"reportAddress"`, `"numbers.0"`, `""` for the value
 * itself), which catalogue code, and what to tell the person. The API sends it as is.
 */
export type FieldError = {
  readonly path: string;
  readonly code: MessageCode;
  readonly text: LocalizedText;
};

/**
 * A refusal or a bad input. The API turns it into an error response with the same code and
 * text, so the person sees the rule's explanation, never a stack trace.
 */
export class DomainError extends Error {
  readonly code: MessageCode;
  readonly rule: RuleId | null;
  readonly text: LocalizedText;
  readonly fields: readonly FieldError[];

  constructor(code: MessageCode, options: { params?: MessageParams; fields?: readonly FieldError[] } = {}) {
    const text = message(code, options.params);
    super(text.en);
    this.name = "DomainError";
    this.code = code;
    this.rule = ruleOf(code) ?? null;
    this.text = text;
    this.fields = options.fields ?? [];
  }

  /** The wire's error data: `{ code, rule, text, fields }`. */
  toJSON() {
    return { code: this.code, rule: this.rule, text: this.text, fields: this.fields };
  }
}

export function refuse(code: MessageCode, params?: MessageParams): never {
  throw new DomainError(code, params ? { params } : {});
}

/** A refusal that belongs to one input (a taken number, a taken mailbox): shown under it, in the same words. */
export function fieldRefusal(path: string, code: MessageCode, params?: MessageParams): DomainError {
  return new DomainError(code, { ...(params ? { params } : {}), fields: [{ path, code, text: message(code, params) }] });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
