import { useState } from "react";
import { appErrorOf, useText, type LocalizedText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { CallbackCard } from "./callback-card.tsx";
import { useMarkCallbackDone, useOpenCallbacks } from "./use-callbacks.ts";

/** R5: every caller still waiting for a callback, longest wait first. */
export function OpenCallbacks() {
  const t = useText();
  const callbacks = useOpenCallbacks();
  const markDone = useMarkCallbackDone();
  const [failed, setFailed] = useState<{ id: string; text: LocalizedText } | null>(null);

  async function done(id: string) {
    setFailed(null);
    try {
      await markDone.mutateAsync({ id });
    } catch (error) {
      setFailed({ id, text: appErrorOf(error)?.text ?? m.unreachable });
    }
  }

  return (
    <section className="panel" aria-labelledby="open-callbacks-title" data-testid="open-callbacks">
      <h2 id="open-callbacks-title">
        {t(m.openCallbacksTitle)}
        {callbacks.data && <span className="count-badge">{callbacks.data.length}</span>}
      </h2>
      <p className="panel__lead">{t(m.openCallbacksLead)}</p>
      {callbacks.isPending ? (
        <Loading />
      ) : callbacks.isError ? (
        <LoadFailed error={callbacks.error} retry={() => void callbacks.refetch()} />
      ) : callbacks.data.length === 0 ? (
        <p className="empty" data-testid="no-callbacks">
          {t(m.noOpenCallbacks)}
        </p>
      ) : (
        <ul className="callbacks">
          {callbacks.data.map((callback) => (
            <CallbackCard
              key={callback.id}
              callback={callback}
              fetchedAt={callbacks.dataUpdatedAt}
              onDone={() => void done(callback.id)}
              pending={markDone.isPending && markDone.variables.id === callback.id}
              error={failed?.id === callback.id ? failed.text : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
