import { useQuery } from "@tanstack/react-query";
import { enumLabel, fieldLabel, formatPhoneNumber, ruleInfo } from "@uketsuke/domain";
import { RuleNotice, useText, useTRPC } from "@uketsuke/web";
import { Link } from "react-router";
import { m } from "../../messages.ts";
import { clockOf, longTime } from "../../ui/format.ts";
import { ForbiddenRequest } from "../../ui/forbidden-request.tsx";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

/**
 * What the client agreed to and how it shows: the one legal entity and answer name (R10,
 * read-only), business hours right now and the test-call guide (R9), how reports arrive by
 * mail (R1, R2, R3). The requests the rules refuse stand where a client would look for them.
 */
export default function ContractPage() {
  const t = useText();
  const trpc = useTRPC();
  usePageTitle(m.navContract);
  const contract = useQuery(trpc.contract.get.queryOptions());
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <LoadFailed error={contract.error} retry={() => void contract.refetch()} />;
  const c = contract.data;
  return (
    <div className="page contract">
      <h1>{t(m.navContract)}</h1>

      <section className="panel" aria-labelledby="entity-title" data-testid="contract-entity">
        <h2 id="entity-title">{t(m.entityTitle)}</h2>
        <dl className="facts">
          <div>
            <dt>{t(fieldLabel("legalEntityName"))}</dt>
            <dd data-testid="legal-entity">{c.legalEntityName}</dd>
          </div>
          <div>
            <dt>{t(fieldLabel("answerName"))}</dt>
            <dd data-testid="answer-name">{c.answerName}</dd>
          </div>
          <div>
            <dt>{t(m.answerPhrase)}</dt>
            <dd lang="ja">「{c.answerPhrase.ja}」</dd>
          </div>
          <div>
            <dt>{t(fieldLabel("numbers"))}</dt>
            <dd className="tabular">{c.numbers.map((n) => formatPhoneNumber(n)).join(" / ")}</dd>
          </div>
          <div>
            <dt>{t(fieldLabel("status"))}</dt>
            <dd>{t(enumLabel("contractStatus", c.status))}</dd>
          </div>
        </dl>
        <p className="field-hint">{t(m.readOnlyHint)}</p>
        <RuleNotice rule="R10" tone="info" title={ruleInfo("R10").title} text={ruleInfo("R10").summary} />
        <div className="forbidden-group">
          <ForbiddenRequest kind="additional_legal_entity" question={m.askGroupCompany} />
          <ForbiddenRequest kind="alternative_answer_name" question={m.askOtherName} />
        </div>
      </section>

      <section className="panel" aria-labelledby="hours-title" data-testid="business-hours">
        <h2 id="hours-title">{t(m.hoursTitle)}</h2>
        <p className={`open-now open-now--${c.open ? "open" : "closed"}`} data-testid="open-now">
          <span aria-hidden="true">{c.open ? "● " : "○ "}</span>
          {c.open && c.closesAt ? t(m.openNow, { until: t(clockOf(c.closesAt)) }) : t(m.closedNow)}
        </p>
        <p data-testid="next-opening">{t(m.nextOpening, { at: t(longTime(c.nextOpening)) })}</p>
        <h3>{t(m.testCallTitle)}</h3>
        <RuleNotice rule="R9" tone="info" title={ruleInfo("R9").title} text={ruleInfo("R9").summary} />
        <ol className="steps">
          <li>{t(m.testStep1)}</li>
          <li>{t(m.testStep2)}</li>
          <li>{t(m.testStep3)}</li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="mail-title" data-testid="mail-guide">
        <h2 id="mail-title">{t(m.mailGuideTitle)}</h2>
        <dl className="facts">
          <div>
            <dt>{t(m.mailSubject)}</dt>
            <dd data-testid="report-subject">{c.reportSubject}</dd>
          </div>
          <div>
            <dt>{t(m.mailFrom)}</dt>
            <dd className="mono">*@{c.senderDomain}</dd>
          </div>
        </dl>
        <RuleNotice rule="R1" tone="info" title={ruleInfo("R1").title} text={ruleInfo("R1").summary} />
        <RuleNotice rule="R2" tone="info" title={ruleInfo("R2").title} text={c.senderFilterHint} />
        <RuleNotice rule="R3" tone="info" text={c.internalTrafficNotice} />
        <p>
          <Link to="/roster">{t(m.manageRoster)}</Link>
        </p>
        <div className="forbidden-group">
          <ForbiddenRequest kind="change_subject" question={m.askSubject} />
        </div>
      </section>
    </div>
  );
}
