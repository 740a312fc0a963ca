import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";

/** The supervisor's place in the console; its desk is built under its own issue. */
export default function SupervisorDesk() {
  const t = useText();
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{t(messages.navSupervisor)}</h1>
      <p>{t(messages.supervisorSoon)}</p>
    </main>
  );
}
