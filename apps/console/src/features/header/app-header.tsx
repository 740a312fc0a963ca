import { NavLink } from "react-router";
import { AGENCY_TIME_ZONE, formatJst } from "@uketsuke/domain";
import { LanguageSwitch, LiveIndicator, useLocale, useSignOut, useText, webMessages, type LiveStatus, type SignedInSession } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { useAnnouncer } from "../../ui/announcer.tsx";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { keysOf } from "../../ui/shortcuts.ts";
import { useDesk } from "./use-desk.ts";

function BusinessHours() {
  const t = useText();
  const { locale } = useLocale();
  const desk = useDesk();
  const business = desk.data?.business;
  if (!business) return <span className="business">{t(messages.loading)}</span>;
  const text = business.open
    ? t(messages.openNow, {
        closesAt: new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: AGENCY_TIME_ZONE }).format(new Date(business.closesAt)),
      })
    : t(messages.closedNow, { opensAt: formatJst(new Date(business.opensAt))[locale] });
  return (
    <span className={`business business--${business.open ? "open" : "closed"}`} data-business={business.open ? "open" : "closed"} title={t(messages.businessHours)}>
      <span aria-hidden="true">{business.open ? "●" : "■"} </span>
      {text}
    </span>
  );
}

function Sender() {
  const t = useText();
  const desk = useDesk();
  if (!desk.data) return null;
  return (
    <span className="sender" title={t(messages.senderHint)}>
      {t(messages.sender)} <strong data-sender>{desk.data.sender}</strong>
    </span>
  );
}

type Props = { session: SignedInSession; live: LiveStatus; onRules: () => void; onHelp: () => void };

export function AppHeader({ session, live, onRules, onHelp }: Props) {
  const t = useText();
  const { signOut, pending } = useSignOut();
  const { sound, setSound } = useAnnouncer();
  const isSupervisor = session.me.user.role === "supervisor";
  return (
    <header className="app-header">
      <div className="app-header__row">
        <p className="app-header__brand">
          <span lang="ja">受付</span> <span className="app-header__product">{t(messages.signInTitle)}</span>
        </p>
        <nav aria-label={t(messages.mainNav)} className="app-nav">
          <NavLink to="/" end>
            {t(messages.navDesk)}
          </NavLink>
          {isSupervisor && <NavLink to="/supervisor">{t(messages.navSupervisor)}</NavLink>}
        </nav>
        <div className="app-header__tools">
          <button type="button" className="button button--quiet" aria-pressed={sound} onClick={() => setSound(!sound)}>
            {t(sound ? messages.soundOn : messages.soundOff)}
          </button>
          <button type="button" className="button button--quiet" aria-keyshortcuts={keysOf("rules")} onClick={onRules}>
            {t(messages.rulesAtHand)} <ShortcutKeys id="rules" />
          </button>
          <button type="button" className="button button--quiet" aria-keyshortcuts={`? ${keysOf("help")}`} onClick={onHelp}>
            {t(messages.shortcutsOpen)} <kbd aria-hidden="true">?</kbd>
          </button>
          <LanguageSwitch />
          <span className="app-header__user">
            <span className="visually-hidden">{t(messages.signedInAs)}: </span>
            {session.me.user.displayName}
          </span>
          <button type="button" className="button button--quiet" onClick={() => void signOut()} disabled={pending}>
            {t(webMessages.signOut)}
          </button>
        </div>
      </div>
      <div className="app-header__status">
        <BusinessHours />
        <Sender />
        <LiveIndicator status={live} />
      </div>
    </header>
  );
}
