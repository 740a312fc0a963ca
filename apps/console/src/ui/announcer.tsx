import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from "react";

type Announce = (text: string, options?: { ring?: boolean }) => void;

type AnnouncerState = { announce: Announce; sound: boolean; setSound: (on: boolean) => void };

const AnnouncerContext = createContext<AnnouncerState | null>(null);

const SOUND_KEY = "uketsuke.console.sound";

function storedSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === "on";
  } catch {
    return false;
  }
}

/** Two short soft tones: noticeable across a room, not alarming for eight hours. */
function ring(context: AudioContext) {
  const start = context.currentTime;
  for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.16);
  }
}

/**
 * What changes on its own is said to screen readers through one polite live region, and a new
 * call may also ring a short sound if the operator turned it on (off by default: the browser
 * only plays sound after a click, which the switch is).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState<{ text: string; n: number }>({ text: "", n: 0 });
  const [sound, setSoundState] = useState(storedSound);
  const audio = useRef<AudioContext | null>(null);

  const setSound = useCallback((on: boolean) => {
    setSoundState(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? "on" : "off");
    } catch {
      // the choice lasts for this page only
    }
    if (on) {
      audio.current ??= new AudioContext();
      void audio.current.resume();
    }
  }, []);

  const announce = useCallback<Announce>(
    (text, options) => {
      setSaid((prev) => ({ text, n: prev.n + 1 }));
      if (options?.ring && sound) {
        audio.current ??= new AudioContext();
        if (audio.current.state === "running") ring(audio.current);
      }
    },
    [sound],
  );

  const value = useMemo(() => ({ announce, sound, setSound }), [announce, sound, setSound]);
  return (
    <AnnouncerContext value={value}>
      {children}
      <div role="status" aria-live="polite" className="visually-hidden" data-announcer>
        {/* A new node per announcement, so the same words said twice are read twice. */}
        <p key={said.n}>{said.text}</p>
      </div>
    </AnnouncerContext>
  );
}

export function useAnnouncer(): AnnouncerState {
  const state = use(AnnouncerContext);
  if (!state) throw new Error("useAnnouncer needs an <AnnouncerProvider>");
  return state;
}
