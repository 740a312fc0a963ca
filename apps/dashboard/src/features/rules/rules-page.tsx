import { rulePages } from "@uketsuke/domain";
import { useLocale, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { usePageTitle } from "../../ui/use-page-title.ts";

/**
 * The agency's ten service rules, each with the Q&A passage it comes from: quoted in Japanese as
 * published, with the English rendering beside it when English is chosen.
 */
export default function RulesPage() {
  const t = useText();
  const { locale } = useLocale();
  usePageTitle(m.navRules);
  const pages = rulePages();
  return (
    <div className="page rules">
      <h1>{t(m.navRules)}</h1>
      <p className="page-lead">{t(m.rulesLead)}</p>
      <nav aria-label={t(m.rulesIndex)} className="rules__index">
        <ul>
          {pages.map((page) => (
            <li key={page.rule}>
              <a href={`#${page.rule}`}>
                <span className="rule-badge">{page.rule}</span> {t(page.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {pages.map((page) => (
        <section key={page.rule} id={page.rule} className="panel rule" aria-labelledby={`${page.rule}-title`} data-testid="rule-page" data-rule={page.rule}>
          <h2 id={`${page.rule}-title`}>
            <span className="rule-badge">{page.rule}</span> {t(page.title)}
          </h2>
          <p>{t(page.summary)}</p>
          {page.passages.map((passage, i) => (
            <figure key={i} className="qa">
              <figcaption>{t(m.qaFrom, { question: passage.question })}</figcaption>
              <blockquote lang="ja">
                {passage.ja.split("\n").map((line, j) => (
                  <p key={j}>{line}</p>
                ))}
              </blockquote>
              {locale === "en" && (
                <blockquote lang="en" className="qa__en">
                  {passage.en.split("\n").map((line, j) => (
                    <p key={j}>{line}</p>
                  ))}
                </blockquote>
              )}
            </figure>
          ))}
        </section>
      ))}
    </div>
  );
}
