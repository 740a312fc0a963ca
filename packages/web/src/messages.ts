import type { LocalizedText } from "@uketsuke/domain";

/** Words only the shared pieces show; labels of fields (email, password, language) and rules come from the domain's catalogue. */
export const webMessages = {
  signInTitle: { ja: "ログイン", en: "Sign in" },
  signIn: { ja: "ログイン", en: "Sign in" },
  signingIn: { ja: "ログイン中…", en: "Signing in…" },
  signOut: { ja: "ログアウト", en: "Sign out" },
  unreachable: { ja: "サーバーに接続できません。ネットワークを確認して、もう一度お試しください。", en: "Cannot reach the server. Check the network and try again." },
  liveConnecting: { ja: "接続中…", en: "Connecting…" },
  liveUp: { ja: "リアルタイム接続中", en: "Live" },
  liveReconnecting: { ja: "接続が切れました。再接続しています…", en: "Connection lost. Reconnecting…" },
  liveDown: { ja: "リアルタイム接続ができません。ページを再読み込みしてください。", en: "The live connection failed. Reload the page." },
  rule: { ja: "ルール", en: "Rule" },
} as const satisfies Record<string, LocalizedText>;
