import { useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { OpenCallbacks } from "../callbacks/open-callbacks.tsx";
import { MonthCount } from "./month-count.tsx";
import { NewestReports } from "./newest-reports.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

/** What a client checks between meetings: who is waiting, what came in, how much this month. */
export function HomePage() {
  const t = useText();
  usePageTitle(m.navHome);
  return (
    <div className="page home">
      <h1 className="visually-hidden">{t(m.navHome)}</h1>
      <OpenCallbacks />
      <NewestReports />
      <MonthCount />
    </div>
  );
}
