import "./admin.css";
import { lazy, Suspense } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { useText } from "@uketsuke/web";
import { deskMessages as m } from "./messages.ts";
import { deskPath, Loading } from "./ui.tsx";

// Each page loads when first opened: the figures page alone brings the chart library. Links are
// absolute (deskPath): relative ones would resolve against the splat route's whole path.
const ContractsPage = lazy(() => import("./contracts/contracts-page.tsx"));
const ContractNewPage = lazy(() => import("./contracts/contract-new-page.tsx"));
const ContractPage = lazy(() => import("./contracts/contract-page.tsx"));
const StaffPage = lazy(() => import("./staff/staff-page.tsx"));
const MailPage = lazy(() => import("./mail/mail-page.tsx"));
const MailView = lazy(() => import("./mail/mail-view.tsx"));
const AuditPage = lazy(() => import("./audit/audit-page.tsx"));
const FiguresPage = lazy(() => import("./figures/figures-page.tsx"));
const WallboardPage = lazy(() => import("./wallboard/wallboard-page.tsx"));
const BillingPage = lazy(() => import("./billing/billing-page.tsx"));

const SECTIONS = [
  ["contracts", m.navContracts],
  ["staff", m.navStaff],
  ["mail", m.navMail],
  ["audit", m.navAudit],
  ["figures", m.navFigures],
  ["wallboard", m.navWallboard],
  ["billing", m.navBilling],
] as const;

/** The supervisor's desk: contracts, people, mail delivery, the audit log and the figures. */
export default function AdminDesk() {
  const t = useText();
  return (
    <main id="main" className="admin" tabIndex={-1}>
      <nav className="admin__nav" aria-label={t(m.deskNav)}>
        <ul>
          {SECTIONS.map(([path, label]) => (
            <li key={path}>
              <NavLink to={deskPath(path)}>{t(label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin__page">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<Navigate to={deskPath("contracts")} replace />} />
            <Route path="contracts" element={<ContractsPage />} />
            <Route path="contracts/new" element={<ContractNewPage />} />
            <Route path="contracts/:id" element={<ContractPage />} />
            <Route path="staff" element={<StaffPage />} />
            <Route path="mail" element={<MailPage />} />
            <Route path="mail/:id" element={<MailView />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="figures" element={<FiguresPage />} />
            <Route path="wallboard" element={<WallboardPage />} />
            <Route path="billing" element={<BillingPage />} />
            <Route path="*" element={<Navigate to={deskPath("contracts")} replace />} />
          </Routes>
        </Suspense>
      </div>
    </main>
  );
}
