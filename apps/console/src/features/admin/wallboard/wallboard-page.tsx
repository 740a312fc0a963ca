import { useRef, useState } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { RouterOutputs } from "@uketsuke/api";
import { LiveIndicator, useLiveStatus, useText, useTRPC } from "@uketsuke/web";
import { formatDuration, useServerNow } from "../../../ui/clock.ts";
import { deskMessages as m } from "../messages.ts";
import { Loading, useDeskTitle, useNumberFormat } from "../ui.tsx";
import { SpeedTiles, Tile } from "../figures/speed-tiles.tsx";

type Board = RouterOutputs["admin"]["figures"]["wallboard"] extends AsyncIterable<infer B> ? B : never;

/** For a screen on the wall, live over SSE: who is waiting and for how long, who is on a call, today so far. */
export default function WallboardPage() {
  const t = useText();
  const trpc = useTRPC();
  const title = useDeskTitle(m.wallboardTitle);
  const [board, setBoard] = useState<Board | null>(null);
  const subscription = useSubscription(trpc.admin.figures.wallboard.subscriptionOptions(undefined, { onData: setBoard }));
  const live = useLiveStatus(subscription);
  const screen = useRef<HTMLElement>(null);
  return (
    <section ref={screen} aria-labelledby="wallboard-title" className="wallboard">
      <div className="admin__head">
        <h1 id="wallboard-title">{title}</h1>
        <span className="wallboard__live">
          <LiveIndicator status={live} />
        </span>
        <button type="button" className="button" onClick={() => void screen.current?.requestFullscreen?.()}>
          {t(m.fullScreen)}
        </button>
      </div>
      {board ? <BoardView board={board} /> : <Loading />}
    </section>
  );
}

function BoardView({ board }: { board: Board }) {
  const t = useText();
  const number = useNumberFormat();
  const now = useServerNow();
  return (
    <div className="wallboard__grid">
      {/* Said once when it changes (the waits tick every second and are not read out). */}
      <p className="visually-hidden" role="status">
        {t(m.ringingNow)} {board.ringing.length}, {t(m.onCallNow)} {board.onCall.length}
      </p>
      <Tile id="wall-ringing" label={t(m.ringingNow)} value={number(board.ringing.length)} />
      <Tile id="wall-longest" label={t(m.longestWait)} value={board.longestWaitSince ? formatDuration(now - Date.parse(board.longestWaitSince)) : "—"} />
      <Tile id="wall-on-call" label={t(m.onCallNow)} value={number(board.onCall.length)} />
      <section className="wallboard__today" aria-labelledby="wall-today-title">
        <h2 id="wall-today-title">{t(m.todayTitle, { date: board.today.date })}</h2>
        <div className="figure-tiles">
          <Tile id="wall-answered" label={t(m.answeredToday)} value={number(board.today.answered)} />
          <Tile id="wall-missed" label={t(m.missedToday)} value={number(board.today.missed)} />
          <SpeedTiles speed={board.today.speed} />
        </div>
      </section>
      <section className="wallboard__people panel" aria-labelledby="wall-people-title">
        <h2 id="wall-people-title">{t(m.onCallNow)}</h2>
        {board.onCall.length === 0 ? (
          <p className="muted">{t(m.nobodyOnCall)}</p>
        ) : (
          <ul>
            {board.onCall.map((call) => (
              <li key={call.callId}>
                <strong>{call.displayName}</strong> — {call.answerName} <span className="tabular">{formatDuration(now - Date.parse(call.answeredAt ?? board.at))}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
