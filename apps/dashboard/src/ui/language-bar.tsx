import { LanguageSwitch } from "@uketsuke/web";

/** Before sign-in the language can be chosen too: the choice is remembered on this browser. */
export function LanguageBar() {
  return (
    <div className="language-bar">
      <LanguageSwitch />
    </div>
  );
}
