import { appErrorOf, RuleNotice, useText } from "@uketsuke/web";
import { m } from "../messages.ts";

export function Loading() {
  const t = useText();
  return (
    <p className="loading" role="status">
      {t(m.loading)}
    </p>
  );
}

/** A query that could not load: the server's sentence if it answered, else "cannot reach". */
export function LoadFailed({ error, retry }: { error?: unknown; retry?: () => void }) {
  const t = useText();
  const app = appErrorOf(error);
  return (
    <div role="alert" className="load-failed">
      {app ? <RuleNotice rule={app.rule} text={app.text} /> : <p>{t(m.unreachable)}</p>}
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t(m.retry)}
        </button>
      )}
    </div>
  );
}
