import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { formatJst, INVITATION_TTL_DAYS, type LocalizedText } from "@uketsuke/domain";
import { invitationMessages, RuleNotice, useFieldErrors, useLocale, useText, type AppError, type FieldErrors, type InvitationListProps } from "@uketsuke/web";
import { deskMessages as m } from "./messages.ts";

/** Where the desk lives in the console; pages link within it by absolute paths. */
export const deskPath = (path: string) => `/supervisor/${path}`;

/** Pending invitations look like the people lists beside them (staff, a client's users). */
export const invitationClasses: InvitationListProps["classes"] = {
  list: "admin__people",
  item: "admin__person",
  badge: (status) => `status-badge status-badge--${status === "expired" ? "ended" : "suspended"}`,
  actions: "admin__person-actions",
};

/** The browser tab says which page of the desk this is (and screen readers announce it). */
export function useDeskTitle(title: LocalizedText, params?: Record<string, string | number>) {
  const t = useText();
  const text = t(title, params);
  useEffect(() => {
    document.title = `${text} — 受付`;
  }, [text]);
  return text;
}

export function Loading() {
  const t = useText();
  return (
    <p className="page-loading" role="status">
      {t(m.loading)}
    </p>
  );
}

type Query<T> = { isPending: boolean; isError: boolean; data: T | undefined; refetch: () => unknown };

/**
 * The part of a page a query fills: "loading", "could not load" with a retry, the empty text when
 * `empty` says so, else its data drawn by `children`.
 */
export function QueryView<T>({ query, empty, emptyText, children }: { query: Query<T>; empty?: (data: T) => boolean; emptyText?: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) return <LoadFailed retry={() => void query.refetch()} />;
  if (empty?.(query.data)) return <p className="muted">{emptyText}</p>;
  return children(query.data);
}

export function LoadFailed({ retry }: { retry: () => void }) {
  const t = useText();
  return (
    <div role="alert" className="notice notice--warn">
      <p>{t(m.loadFailed)}</p>
      <button type="button" className="button" onClick={retry}>
        {t(m.retryLoad)}
      </button>
    </div>
  );
}

/** A refusal that belongs to no one field (a rule, a conflict), in the catalogue's words; a live region. */
export function FormRefusal({ error }: { error: AppError | null }) {
  return <div role="alert">{error && error.fields.length === 0 && <RuleNotice rule={error.rule} text={error.text} />}</div>;
}

/** What just happened, said once to screen readers and shown until the next change. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="notice desk-done" role="status">
      {children}
    </p>
  );
}

/**
 * An invitation form's state and submit. `validate` checks the form's fields against the domain's
 * schema in the browser (field errors, nothing sent); then `send`; on success the form is emptied,
 * `refresh` reloads the lists and the confirmation names the address the link went to.
 */
export function useInvitationForm<I>(
  formId: string,
  validate: (errors: FieldErrors, form: FormData) => I | null,
  send: (input: I) => Promise<{ email: string }>,
  refresh: () => Promise<unknown>,
) {
  const t = useText();
  const errors = useFieldErrors(formId);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    setRefusal(null);
    setDone(null);
    const input = validate(errors, new FormData(element));
    if (input === null) return;
    try {
      const invitation = await send(input);
      element.reset();
      await refresh();
      setDone(t(invitationMessages.sentTo, { email: invitation.email }));
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }
  return { errors, refusal, done, submit };
}

/** The end of every invitation form: how long the link lasts, what became of the last try, the button. */
export function InviteFormEnd({ refusal, done, pending, label }: { refusal: AppError | null; done: string | null; pending: boolean; label: LocalizedText }) {
  const t = useText();
  return (
    <>
      <p className="field-hint">{t(invitationMessages.noPassword, { days: INVITATION_TTL_DAYS })}</p>
      <FormRefusal error={refusal} />
      {done && <Done>{done}</Done>}
      <div className="admin__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {t(label)}
        </button>
      </div>
    </>
  );
}

/** An instant as Japan time, the way reports write it. */
export function Instant({ iso }: { iso: string | null | undefined }) {
  const { locale } = useLocale();
  if (!iso) return <span>—</span>;
  return (
    <time dateTime={iso} className="tabular">
      {formatJst(new Date(iso))[locale]}
    </time>
  );
}

/** A contract filter's choices: every contract first, then each by the name its calls are answered in. */
export function ContractOptions({ contracts }: { contracts: ReadonlyArray<{ id: string; answerName: string }> | undefined }) {
  const t = useText();
  return (
    <>
      <option value="">{t(m.anyContract)}</option>
      {contracts?.map((c) => (
        <option key={c.id} value={c.id}>
          {c.answerName}
        </option>
      ))}
    </>
  );
}

export function useNumberFormat() {
  const { locale } = useLocale();
  return (n: number) => new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB").format(n);
}

/**
 * A form's `onInput`: the error under a field goes as soon as the field is changed, so what is
 * still marked is what is still wrong. The field's path is its `name`, or `data-path` for the
 * inputs of a list (`numbers.0`).
 */
export function clearOnInput(errors: FieldErrors) {
  return (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    const path = target.dataset.path ?? target.name;
    if (path && errors.of(path)) errors.clear(path);
  };
}
