import { useMemo } from "react";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import type { RosterMember } from "./use-roster.ts";

/**
 * R7: the ordered roster. Position 1 receives every call that names no one (or names someone
 * not on it), and says so. The owner reorders by dragging the handle, or from the keyboard:
 * focus a handle, Space to lift, arrow keys to move, Space to drop, Escape to cancel.
 */
export function RosterList({
  roster,
  canEdit,
  onReorder,
  onEdit,
  onRemove,
}: {
  roster: readonly RosterMember[];
  canEdit: boolean;
  onReorder: (orderedIds: string[]) => void;
  onEdit: (member: RosterMember) => void;
  onRemove: (member: RosterMember) => void;
}) {
  const t = useText();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = roster.map((member) => member.id);
  const nameOf = (id: string | number) => roster.find((member) => member.id === id)?.name ?? "";
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => t(m.dragStart, { name: nameOf(active.id), position: positionOf(active.id) }),
      onDragOver: ({ active, over }) => (over ? t(m.dragOver, { name: nameOf(active.id), position: positionOf(over.id) }) : undefined),
      onDragEnd: ({ active, over }) => (over ? t(m.dragEnd, { name: nameOf(active.id), position: positionOf(over.id) }) : undefined),
      onDragCancel: ({ active }) => t(m.dragCancel, { name: nameOf(active.id) }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- names and positions come from `roster`
    [t, roster],
  );

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t(m.dragInstructions) } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!canEdit}>
        <ol className="roster" data-testid="roster">
          {roster.map((member, index) => (
            <RosterRow key={member.id} member={member} position={index + 1} canEdit={canEdit} onEdit={onEdit} onRemove={onRemove} last={roster.length === 1} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function RosterRow({
  member,
  position,
  canEdit,
  onEdit,
  onRemove,
  last,
}: {
  member: RosterMember;
  position: number;
  canEdit: boolean;
  onEdit: (member: RosterMember) => void;
  onRemove: (member: RosterMember) => void;
  last: boolean;
}) {
  const t = useText();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: member.id, disabled: !canEdit });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const top = position === 1;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`roster-row${top ? " roster-row--top" : ""}${isDragging ? " roster-row--dragging" : ""}`}
      data-testid="roster-row"
      data-member-id={member.id}
      data-position={position}
    >
      {canEdit && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="roster-row__handle"
          aria-label={t(m.dragHandle, { name: member.name, position })}
          data-testid="drag-handle"
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="roster-row__position tabular" aria-label={t(m.positionLabel, { position })}>
        {position}
      </span>
      <div className="roster-row__who">
        <p className="roster-row__name">
          <strong>{member.name}</strong>
          {member.nameKana && <span className="roster-row__kana">{member.nameKana}</span>}
        </p>
        {member.department && <p className="roster-row__department">{member.department}</p>}
        <p className="roster-row__address mono">{member.reportAddress}</p>
        <p className="roster-row__tags">
          {member.addressKind === "list" && <span className="tag">{t(m.openListTag)}</span>}
          {top && (
            <span className="tag tag--top" data-testid="default-recipient">
              {t(m.defaultRecipient)}
            </span>
          )}
        </p>
      </div>
      {canEdit && (
        <div className="roster-row__actions">
          <button type="button" className="button" onClick={() => onEdit(member)} aria-label={t(m.editPerson, { name: member.name })}>
            {t(m.edit)}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => onRemove(member)}
            aria-label={t(m.removePerson, { name: member.name })}
            disabled={last}
            title={last ? t(m.lastMemberHint) : undefined}
          >
            {t(m.remove)}
          </button>
        </div>
      )}
    </li>
  );
}
