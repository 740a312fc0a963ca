import type { LocalizedText } from "@uketsuke/domain";

/**
 * Words only the console shows, Japanese and English side by side. Field labels, outcomes,
 * routing reasons and every rule's wording come from the domain's catalogue instead.
 */
export const messages = {
  appTitle: { ja: "受付 オペレーターコンソール", en: "Uketsuke operator console" },
  signInTitle: { ja: "オペレーターコンソール", en: "Operator console" },
  staffOnly: { ja: "このコンソールはオペレーターと管理者専用です。契約者の方はダッシュボードをご利用ください。", en: "This console is for operators and supervisors. Clients use the dashboard." },
  toDashboard: { ja: "ダッシュボードへ", en: "Go to the dashboard" },
  loading: { ja: "読み込み中…", en: "Loading…" },
  retry: { ja: "再試行", en: "Try again" },
  unreachable: { ja: "サーバーに接続できません。", en: "Cannot reach the server." },

  // ── header ──
  mainNav: { ja: "メニュー", en: "Main menu" },
  navDesk: { ja: "受電", en: "Calls" },
  navSupervisor: { ja: "管理者デスク", en: "Supervisor's desk" },
  openNow: { ja: "営業中（{closesAt}まで）", en: "Open (until {closesAt})" },
  closedNow: { ja: "営業時間外 — 次の受付開始 {opensAt}", en: "Closed — next opening {opensAt}" },
  businessHours: { ja: "受付状況（R9）", en: "Business hours (R9)" },
  sender: { ja: "送信元", en: "Sender" },
  senderHint: { ja: "あなたが保存した報告はこのアドレスから送信されます（R2）", en: "Reports you save are sent from this address (R2)" },
  soundOn: { ja: "着信音：オン", en: "Ring sound: on" },
  soundOff: { ja: "着信音：オフ", en: "Ring sound: off" },
  signedInAs: { ja: "ログイン中", en: "Signed in" },

  // ── queue ──
  queueTitle: { ja: "着信中", en: "Ringing" },
  queueCount: { ja: "{count}件", en: "{count}" },
  queueEmpty: { ja: "着信中の通話はありません。", en: "No calls are ringing." },
  answer: { ja: "応答", en: "Answer" },
  answerOldest: { ja: "一番古い着信に応答", en: "Answer the oldest call" },
  answering: { ja: "応答中…", en: "Answering…" },
  ringingFor: { ja: "呼出 {time}", en: "Ringing {time}" },
  numberWithheld: { ja: "番号通知なし", en: "Number withheld" },
  announceRinging: { ja: "着信：{answerName}、{number}", en: "Call ringing: {answerName}, {number}" },
  announceTaken: { ja: "{answerName}の着信は他のオペレーターが応答しました。", en: "Another operator answered the call for {answerName}." },
  openManual: { ja: "通話を手動で開く", en: "Open a call by hand" },
  manualTitle: { ja: "通話を手動で開く", en: "Open a call by hand" },
  manualHint: { ja: "電話回線から通知されなかったお電話を、応答済みの通話として開きます。", en: "For a call the telephony provider did not announce: it opens already answered by you." },
  manualOpen: { ja: "開く", en: "Open" },
  cancel: { ja: "キャンセル", en: "Cancel" },
  close: { ja: "閉じる", en: "Close" },
  chooseContract: { ja: "ご契約を選んでください", en: "Choose a contract" },

  // ── idle ──
  idleTitle: { ja: "待機中", en: "Waiting for calls" },
  idleHint: { ja: "着信は左の一覧に届きます。", en: "Calls arrive in the list on the left." },
  idleAnswer: { ja: "で一番古い着信に応答します。", en: "answers the oldest call." },

  // ── screen pop ──
  callTitle: { ja: "通話中：{answerName}", en: "On a call: {answerName}" },
  answerPhrase: { ja: "名乗り（R10）", en: "Answer with (R10)" },
  callerNumber: { ja: "発信元", en: "Caller's number" },
  answeredAt: { ja: "応答", en: "Answered" },
  onCallFor: { ja: "通話時間", en: "On the call" },
  callEndedByCaller: { ja: "お客様が電話を切りました。報告を保存してください。", en: "The caller hung up. Save the report." },
  script: { ja: "応対スクリプト", en: "Script" },
  scriptEmpty: { ja: "（スクリプトの登録はありません）", en: "(No script registered)" },
  roster: { ja: "名簿（報告先・R7）", en: "Roster (report recipients, R7)" },
  rosterDefault: { ja: "既定の報告先", en: "Default recipient" },
  rosterSearch: { ja: "名簿を検索（漢字・かな・ローマ字）", en: "Search the roster (kanji, kana, romaji)" },
  rosterNoMatch: { ja: "該当する方がいません。", en: "No one matches." },
  rosterPick: { ja: "ご指名に入れる", en: "Pick" },
  rosterUse: { ja: "ご指名に入れる", en: "Pick as the person asked for" },
  registry: { ja: "間違い電話先（R6）", en: "Wrong-number registry (R6)" },
  registryEmpty: { ja: "登録はありません。", en: "Nothing registered." },
  history: { ja: "この番号からの過去のお電話", en: "Earlier calls from this number" },
  historyEmpty: { ja: "過去のお電話はありません。", en: "No earlier calls." },
  historyNoNumber: { ja: "発信元番号がないため、履歴は表示できません。", en: "No caller number, so no history." },
  historyNoReport: { ja: "（報告なし）", en: "(no report)" },

  // ── message form ──
  formTitle: { ja: "ご伝言の記録", en: "Taking the message" },
  whoFrom: { ja: "誰から（R8）", en: "From whom (R8)" },
  companyHeardHint: { ja: "お客様がおかけになった先が当社の名乗りと違うときに入力（間違い電話・他社宛の確認）", en: "When the caller asks for a company other than the one you answered as (wrong number, other company)" },
  urgentHint: { ja: "報告本文の先頭に【至急】と入ります。件名は変わりません（R1）。", en: "Marks the top of the report body. The subject never changes (R1)." },
  callbackHint: { ja: "お電話の方が折り返しを待っています（R5）", en: "The caller is waiting for a callback (R5)" },
  routingTo: { ja: "報告先", en: "Report goes to" },
  routingNotOnRoster: { ja: "「{asked}」様は名簿にいません。名簿の先頭の {name} 様へ報告します。", en: "“{asked}” is not on the roster. The report goes to the top of the roster, {name}." },
  routingPending: { ja: "確認中…", en: "Checking…" },
  outcomeLegend: { ja: "対応結果", en: "Outcome" },
  registryMatch: { ja: "登録された間違い電話先に一致：{company}", en: "Matches a registered look-alike: {company}" },
  registryTypical: { ja: "よくある内容：{typical}", en: "Typical calls: {typical}" },
  switchWrongNumber: { ja: "間違い電話にする", en: "Mark as wrong number" },
  readOut: { ja: "お伝えする内容", en: "Say to the caller" },
  wrongNumberScript: {
    ja: "恐れ入ります、こちらは{answerName}でございます。お掛け間違いではございませんでしょうか。{company}様のお電話番号とお間違えかと存じます。",
    en: "I am sorry, this is {answerName}. I think you may have meant to call {company}.",
  },
  otherCompany: { ja: "この会社はご契約先ではありません", en: "This company is not the client" },
  switchOtherCompany: { ja: "他社宛にする", en: "Mark as another company" },
  testCall: { ja: "テスト着信のご案内（R9）", en: "Test call: what to say (R9)" },
  preview: { ja: "プレビュー", en: "Preview" },
  previewing: { ja: "作成中…", en: "Composing…" },
  draftRestored: { ja: "入力途中の内容を復元しました。", en: "Your half-written form was restored." },
  fixFields: { ja: "入力内容を確認してください。", en: "Check the highlighted fields." },

  // ── preview & save ──
  previewTitle: { ja: "送信される報告メール", en: "The report as it will be mailed" },
  subject: { ja: "件名", en: "Subject" },
  from: { ja: "送信元", en: "From" },
  to: { ja: "宛先", en: "To" },
  body: { ja: "本文", en: "Body" },
  edit: { ja: "修正する", en: "Edit" },
  save: { ja: "保存して送信", en: "Save and send" },
  saving: { ja: "保存中…", en: "Saving…" },

  // ── wrap-up ──
  savedTitle: { ja: "保存しました", en: "Saved" },
  savedTo: { ja: "報告は {name} 様へ送信されます。", en: "The report goes to {name}." },
  savedCallback: { ja: "折り返し希望として記録しました。ご契約者に届くまでお知らせが続きます。", en: "Recorded as waiting for a callback: reminders go out until the client marks it done." },
  endCall: { ja: "終話", en: "End call" },
  nextCall: { ja: "次の通話", en: "Next call" },
  callEnded: { ja: "通話を終了しました。", en: "The call has ended." },
  backToDesk: { ja: "一覧へ戻る", en: "Back to the list" },

  // ── rules at hand ──
  rulesAtHand: { ja: "ルール早見", en: "Rules at hand" },
  rulesHint: { ja: "お客様に次のように言われたら、この文言をそのままお伝えください。", en: "When a caller asks for one of these, read the wording as written." },
  askOutbound: { ja: "「こちらから電話をかけてほしい」", en: "“Please call someone for us”" },
  askBlock: { ja: "「この番号からの電話を断ってほしい」", en: "“Please block this caller”" },
  askGroup: { ja: "「グループ会社につないでほしい」", en: "“Put me through to our group company”" },

  // ── keyboard ──
  shortcuts: { ja: "キーボード操作", en: "Keyboard shortcuts" },
  shortcutsOpen: { ja: "ショートカット一覧", en: "Shortcuts" },
  escHelp: { ja: "プレビューから入力へ戻る／この一覧を閉じる", en: "Back from the preview / close this list" },
  skipToMain: { ja: "本文へ移動", en: "Skip to the main content" },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof messages;
