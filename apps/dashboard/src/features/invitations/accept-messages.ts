import type { LocalizedText } from "@uketsuke/domain";

/** Words of the page an invitation link opens (client users and staff alike). */
export const acceptMessages = {
  title: { ja: "アカウントの登録", en: "Set up your account" },
  invitedBy: { ja: "{company} の {name} 様からの招待です。", en: "{name} of {company} invites you." },
  invitedByCompany: { ja: "{company} からの招待です。", en: "An invitation from {company}." },
  role: { ja: "役割: {role}", en: "Role: {role}" },
  expires: { ja: "このリンクの期限: {at}", en: "This link works until {at}." },
  newPassword: { ja: "パスワード（10文字以上）", en: "Password (10 characters or more)" },
  passwordHint: {
    ja: "ご自身で決めてください。招待した方にも当社にも知らされません。",
    en: "Choose your own: neither the person who invited you nor the agency ever sees it.",
  },
  submit: { ja: "登録してログイン", en: "Set password and sign in" },
  submitting: { ja: "登録中…", en: "Setting up…" },
  toSignIn: { ja: "ログイン画面へ", en: "Go to sign-in" },
} as const satisfies Record<string, LocalizedText>;
