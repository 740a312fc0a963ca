import { useState } from "react";
import { ruleInfo } from "@uketsuke/domain";
import { RuleNotice, useSession, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { type Refusal, RefusalAlert, refusalOf } from "../../ui/refusal.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { RosterForm } from "./roster-form.tsx";
import { RosterList } from "./roster-list.tsx";
import { useRoster, useRosterMutations, type RosterMember } from "./use-roster.ts";

type Editing = { kind: "add" } | { kind: "edit"; member: RosterMember } | null;

/**
 * R7 and R3 where the client keeps them: who receives reports, in which order, at which
 * address. Only the contract's owner changes where reports go; members read.
 */
export default function RosterPage() {
  const t = useText();
  usePageTitle(m.navRoster);
  const session = useSession();
  const roster = useRoster();
  const { add, update, remove, reorder } = useRosterMutations();
  const [editing, setEditing] = useState<Editing>(null);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  if (session.status !== "signed-in") return null;
  const isOwner = session.me.user.clientRole === "owner";
  const agencyDomain = session.me.agency.mailDomain;

  async function reorderTo(orderedIds: string[]) {
    setRefusal(null);
    setPendingOrder(orderedIds);
    try {
      await reorder.mutateAsync({ orderedIds });
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setPendingOrder(null);
    }
  }

  async function removeMember(member: RosterMember) {
    if (!window.confirm(t(m.confirmRemove, { name: member.name }))) return;
    setRefusal(null);
    try {
      await remove.mutateAsync({ id: member.id });
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  }

  const members = roster.data ?? [];
  const shown = pendingOrder ? pendingOrder.map((id) => members.find((member) => member.id === id)).filter((x) => x !== undefined) : members;

  return (
    <div className="page">
      <h1>{t(m.navRoster)}</h1>
      <RuleNotice rule="R7" tone="info" text={ruleInfo("R7").summary} />
      {!isOwner && (
        <p className="notice-owner-only" data-testid="owner-only">
          {t(m.ownerOnlyRouting)}
        </p>
      )}
      <RefusalAlert refusal={refusal} />
      {roster.isPending ? (
        <Loading />
      ) : roster.isError ? (
        <LoadFailed error={roster.error} retry={() => void roster.refetch()} />
      ) : (
        <section className="panel" aria-labelledby="roster-title">
          <h2 id="roster-title">{t(m.rosterListTitle)}</h2>
          {isOwner && <p className="panel__lead" id="roster-how">{t(m.reorderHow)}</p>}
          <RosterList
            roster={shown}
            canEdit={isOwner}
            onReorder={(ids) => void reorderTo(ids)}
            onEdit={(member) => setEditing({ kind: "edit", member })}
            onRemove={(member) => void removeMember(member)}
          />
          {isOwner && editing === null && (
            <p>
              <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })} data-testid="add-person">
                ＋ {t(m.addPerson)}
              </button>
            </p>
          )}
        </section>
      )}
      {isOwner && editing && (
        <RosterForm
          key={editing.kind === "edit" ? editing.member.id : "new"}
          member={editing.kind === "edit" ? editing.member : null}
          agencyDomain={agencyDomain}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            if (editing.kind === "edit") await update.mutateAsync({ ...input, id: editing.member.id });
            else await add.mutateAsync(input);
            setEditing(null);
          }}
        />
      )}
      <section className="panel" aria-labelledby="r3-title">
        <h2 id="r3-title">{t(m.addressRulesTitle)}</h2>
        <RuleNotice rule="R3" tone="info" text={ruleInfo("R3").summary} />
      </section>
    </div>
  );
}
