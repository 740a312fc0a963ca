import { useState, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { LanguageSwitch, LiveBanner, LiveIndicator, useSignOut, useText, type SignedInSession } from "@uketsuke/web";
import { m } from "../messages.ts";
import { useContractLive } from "./use-contract-live.ts";

type Me = SignedInSession["me"];

const NAV = [
  { to: "/", label: m.navHome, end: true },
  { to: "/reports", label: m.navReports },
  { to: "/roster", label: m.navRoster },
  { to: "/wrong-numbers", label: m.navWrongNumbers },
  { to: "/contract", label: m.navContract },
  { to: "/rules", label: m.navRules },
  { to: "/figures", label: m.navFigures },
] as const;

/**
 * Header, navigation and the live connection every page shares. On a phone the navigation folds
 * behind a menu button; on a desk it stands at the side.
 */
export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const t = useText();
  const { signOut, pending } = useSignOut();
  const live = useContractLive();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const [menuPath, setMenuPath] = useState(location.pathname);
  // Following a link closes the menu on a phone.
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }
  const isOwner = me.user.clientRole === "owner";

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t(m.skipToContent)}
      </a>
      <header className="shell__header">
        <div className="shell__brand">
          <span className="shell__product">{t(m.product)}</span>
          <span className="shell__contract" data-testid="contract-name">
            {me.contract?.answerName}
          </span>
        </div>
        <div className="shell__tools">
          <LiveIndicator status={live.status} />
          <button
            type="button"
            className="button shell__menu-button"
            aria-expanded={menuOpen}
            aria-controls="shell-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">☰</span> {t(m.menu)}
          </button>
        </div>
      </header>
      <LiveBanner status={live.status} />
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="live-announcement">
        {live.announcement ? t(live.announcement) : ""}
      </div>
      <div className="shell__body">
        <nav id="shell-nav" className={`shell__nav${menuOpen ? " shell__nav--open" : ""}`} aria-label={t(m.navLabel)}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={"end" in item ? item.end : false}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {isOwner && (
              <li>
                <NavLink to="/users">{t(m.navUsers)}</NavLink>
              </li>
            )}
          </ul>
          <div className="shell__account">
            <p className="shell__user">
              {me.user.displayName}
              <span className="shell__role">{t(isOwner ? m.roleOwner : m.roleMember)}</span>
            </p>
            <LanguageSwitch />
            <button type="button" className="button" onClick={() => void signOut()} disabled={pending}>
              {t(m.signOut)}
            </button>
          </div>
        </nav>
        <main id="main" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
