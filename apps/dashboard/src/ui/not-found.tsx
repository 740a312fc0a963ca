import { Link } from "react-router";
import { useText } from "@uketsuke/web";
import { m } from "../messages.ts";

/** Also what another contract's report looks like: nothing about it, not even that it exists. */
export function NotFoundPage() {
  const t = useText();
  return (
    <section className="page page--narrow" data-testid="not-found">
      <h1>{t(m.notFoundTitle)}</h1>
      <p>{t(m.notFound)}</p>
      <p>
        <Link to="/">{t(m.backHome)}</Link>
      </p>
    </section>
  );
}
