import { useEffect } from "react";
import { useText, type LocalizedText } from "@uketsuke/web";
import { m } from "../messages.ts";

/** The tab's title names the page, so a person with many tabs (or a screen reader) knows where they are. */
export function usePageTitle(title: LocalizedText, detail?: string) {
  const t = useText();
  const text = `${detail ? `${detail} — ` : ""}${t(title)} | ${t(m.product)}`;
  useEffect(() => {
    document.title = text;
  }, [text]);
}
