import { formatPhoneNumber } from "@uketsuke/domain";
import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";

export type WrongNumberRow = { readonly id: string; readonly companyName: string; readonly companyNameKana: string | null; readonly numbers: readonly string[]; readonly typicalCalls: string };

/** The companies callers confuse this client with (R6), as the client registered them. */
export function WrongNumberPanel({ entries, matched }: { entries: readonly WrongNumberRow[]; matched: ReadonlySet<string> }) {
  const t = useText();
  return (
    <section className="panel" aria-labelledby="wrong-numbers-title">
      <h2 id="wrong-numbers-title">{t(messages.registry)}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t(messages.registryEmpty)}</p>
      ) : (
        <ul className="registry">
          {entries.map((e) => (
            <li key={e.id} className={matched.has(e.id) ? "registry__entry registry__entry--matched" : "registry__entry"}>
              <strong>{e.companyName}</strong>
              {e.companyNameKana && <span className="muted"> （{e.companyNameKana}）</span>}
              {e.numbers.length > 0 && <span className="registry__numbers tabular"> {e.numbers.map((n) => formatPhoneNumber(n)).join(" / ")}</span>}
              {e.typicalCalls && <p className="registry__typical">{e.typicalCalls}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
