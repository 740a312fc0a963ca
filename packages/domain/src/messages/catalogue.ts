/**
 * Every sentence Uketsuke says to a person, in Japanese and English, under a stable code.
 * Refusals carry the rule (R1–R10) they come from, so the apps can show the Q&A's explanation
 * at the moment a person hits it. Placeholders are written `{name}`.
 */
export type LocalizedText = { readonly ja: string; readonly en: string };

type Entry = LocalizedText & { readonly rule?: RuleId };
export const RULE_IDS = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"] as const;
export type RuleId = (typeof RULE_IDS)[number];

const catalogue = {
  // ── Refusals, one or more per rule ────────────────────────────────────────────────────────
  R1_SUBJECT_FIXED: {
    rule: "R1",
    ja: "受電報告メールの件名は変更できません。件名はシステムで統一して制御されており、システム変更を伴うご依頼はお受けできません。本文の「誰から」欄でお電話の相手をご確認ください。",
    en: "The subject of report mails cannot be changed. It is one fixed, system-wide string, and requests that would change the system cannot be accepted. The caller is shown in the report's \"From whom\" (誰から) field.",
  },
  R2_MAILBOX_INVALID: {
    rule: "R2",
    ja: "オペレーターのメールアカウント名は半角英小文字・数字・「.」「_」「-」で、先頭と末尾は英数字にしてください。",
    en: "An operator's mailbox must use lower-case letters, digits, '.', '_' or '-', and start and end with a letter or digit.",
  },
  R3_AGENCY_DOMAIN_ADDRESS: {
    rule: "R3",
    ja: "当社ドメイン（@{domain}）のアドレスは報告先にできません。報告は対応したオペレーター個々のアドレスから送信され、オペレーター宛のメールは御社からの連絡窓口ではありません。",
    en: "An address on the agency's domain (@{domain}) cannot receive reports. Reports are sent from each operator's own address, and operator mailboxes are not a channel for clients.",
  },
  R3_MEMBERS_ONLY_LIST: {
    rule: "R3",
    ja: "メンバー以外から投稿できないメーリングリストは報告先にできません。当社は受電チーム制のため送信元を特定できず、当社アドレスをメーリングリストに登録（参加）することはできません。非メンバーからの投稿を受け付けるリストをご指定ください。",
    en: "A mailing list that accepts posts only from its members cannot receive reports. Any operator on the team may send the report, so the agency can never subscribe to a list. Use a list that accepts posts from non-members.",
  },
  R3_INTERNAL_TRAFFIC: {
    rule: "R3",
    ja: "御社内部のご連絡が当社に届くような使い方はお受けできません。当社アドレスを御社の配信先に含めないでください。",
    en: "The agency cannot receive a client's internal traffic. Do not include agency addresses among your own recipients.",
  },
  R4_OUTBOUND_NOT_OFFERED: {
    rule: "R4",
    ja: "当社の電話代行サービスはインバウンド（受電）専門です。アウトバウンド（発信業務）はお引き受けしておりません。",
    en: "The agency's service is inbound only: it takes calls. Outbound work (making calls for a client) is not offered.",
  },
  R5_BLOCKING_NOT_OFFERED: {
    rule: "R5",
    ja: "当社側で着信拒否などの設定はできません。当社はいかなる場合も当事者間のトラブルの矢面に立ったり、門前払いをするような代弁行為はお引き受けしておりません。お電話の方が折り返しを待っている場合は、至急折り返しのご対応をお願いいたします。",
    en: "The agency does not block callers or numbers. It never stands between a client and a caller in a dispute, nor turns callers away. A caller who is waiting for a callback is yours to call back, urgently.",
  },
  R5_CALLBACK_ALREADY_DONE: {
    rule: "R5",
    ja: "この折り返しはすでに対応済みです。",
    en: "This callback has already been marked done.",
  },
  R7_ROSTER_EMPTY: {
    rule: "R7",
    ja: "名簿に登録された方がいないため、報告先を決められません。名簿に少なくとも1名を登録してください（名指しのないお電話は名簿最上位の方へ報告します）。",
    en: "The roster is empty, so there is no one to report to. Add at least one person: calls that name no one are reported to the person at the top of the roster.",
  },
  R7_REORDER_INVALID: {
    rule: "R7",
    ja: "並べ替えには名簿の全員を一度ずつ指定してください。",
    en: "A new order must list every person on the roster exactly once.",
  },
  R7_LAST_MEMBER: {
    rule: "R7",
    ja: "名簿の最後の1名は削除できません。名指しのないお電話の報告先がなくなります。先に別の方を登録してください。",
    en: "The last person on the roster cannot be removed: calls that name no one would have nowhere to go. Add someone else first.",
  },
  R9_CLOSED: {
    rule: "R9",
    ja: "営業時間外です（平日9時〜18時、土日祝は休業）。次の受付開始は {opensAt} です。",
    en: "Outside business hours (weekdays 09:00–18:00 Japan time, closed on weekends and national holidays). Next opening: {opensAt}.",
  },
  R9_AFTER_HOURS_ANNOUNCEMENT: {
    rule: "R9",
    ja: "お電話ありがとうございます。ただいま営業時間外です。平日午前9時から午後6時の間におかけ直しください。",
    en: "Thank you for calling. We are closed now. Please call again on a weekday between 9 a.m. and 6 p.m. Japan time.",
  },
  R10_ONE_LEGAL_ENTITY: {
    rule: "R10",
    ja: "1つのご契約でご利用いただけるのは1法人のみです。別法人へのまた貸しや便乗利用は取扱規定により禁止されています。別法人には別のご契約が必要です。",
    en: "One contract covers exactly one legal entity. Sub-letting to, or sharing with, another company is not allowed; another company needs its own contract.",
  },
  R10_ONE_ANSWER_NAME: {
    rule: "R10",
    ja: "電話の名乗りはご契約の会社名1つのみです。別の名乗りを追加することはできません。",
    en: "Calls are answered with the contracted company's one name. Another answer name cannot be added.",
  },
  R10_OTHER_COMPANY_NOT_RELAYED: {
    rule: "R10",
    ja: "グループの他の会社宛のお電話はお取次ぎできません。",
    en: "Calls for other (group) companies are not relayed.",
  },

  // ── Input and access errors ───────────────────────────────────────────────────────────────
  VALIDATION_FAILED: { ja: "入力内容に誤りがあります。", en: "Some fields need attention." },
  FIELD_REQUIRED: { ja: "入力してください。", en: "This field is required." },
  FIELD_TYPE_INVALID: {
    ja: "入力されていないか、形式が正しくありません（{expected}）。",
    en: "Missing or of the wrong type (expected {expected}).",
  },
  FIELD_TOO_LONG: { ja: "{max}文字以内で入力してください。", en: "Use at most {max} characters." },
  FIELD_TOO_SHORT: { ja: "{min}文字以上で入力してください。", en: "Use at least {min} characters." },
  FIELD_TOO_MANY: { ja: "{max}件以内にしてください。", en: "Give at most {max} entries." },
  FIELD_TOO_FEW: { ja: "{min}件以上にしてください。", en: "Give at least {min} entries." },
  FIELD_NUMBER_TOO_LARGE: { ja: "{max}以下の数を入力してください。", en: "Use a number no greater than {max}." },
  FIELD_NUMBER_TOO_SMALL: { ja: "{min}以上の数を入力してください。", en: "Use a number no smaller than {min}." },
  FIELD_NUMBER_NOT_BELOW: { ja: "{max}より小さい数を入力してください。", en: "Use a number smaller than {max}." },
  FIELD_NUMBER_NOT_ABOVE: { ja: "{min}より大きい数を入力してください。", en: "Use a number greater than {min}." },
  FIELD_CHOICE_INVALID: { ja: "選択肢の中から選んでください。", en: "Choose one of the options." },
  FIELD_DATETIME_INVALID: {
    ja: "日時はタイムゾーン付きで入力してください（例: 2026-01-05T09:30:00+09:00）。",
    en: "Write a date and time with its offset, e.g. 2026-01-05T09:30:00+09:00.",
  },
  FIELD_FORMAT_INVALID: { ja: "形式が正しくありません。", en: "This is not in the expected format." },
  FIELD_UNKNOWN: { ja: "受け付けていない項目があります（{keys}）。", en: "These fields are not accepted: {keys}." },
  FIELD_INVALID: { ja: "入力内容が正しくありません。", en: "This value is not valid." },
  FIELD_EMAIL_INVALID: { ja: "メールアドレスの形式が正しくありません。", en: "This is not a valid email address." },
  FIELD_DOMAIN_INVALID: { ja: "ドメイン名の形式が正しくありません。", en: "This is not a valid domain name." },
  FIELD_PHONE_INVALID: { ja: "電話番号の形式が正しくありません。", en: "This is not a valid phone number." },
  FIELD_NAME_CHARACTERS: {
    ja: "制御文字・文字の向きを変える記号・見えない文字は使えません。読み上げられる文字で入力してください。",
    en: "Control characters, text-direction marks and invisible characters cannot be used. Use characters that can be read aloud.",
  },
  FIELD_KANA_INVALID: { ja: "ふりがなはひらがな・カタカナで入力してください。", en: "Use hiragana or katakana for the reading." },
  FIELD_PASSWORD_WEAK: { ja: "パスワードは10文字以上にしてください。", en: "Use a password of at least 10 characters." },
  FIELD_ID_INVALID: { ja: "IDの形式が正しくありません。", en: "This id is not valid." },
  FIELD_LIST_POLICY_REQUIRED: {
    rule: "R3",
    ja: "メーリングリストの場合は、非メンバーからの投稿を受け付けるかどうかを指定してください。",
    en: "For a mailing list, say whether it accepts posts from non-members.",
  },
  NOT_FOUND: { ja: "見つかりません。", en: "Not found." },
  UNAUTHENTICATED: { ja: "ログインしてください。", en: "Please sign in." },
  FORBIDDEN: { ja: "この操作を行う権限がありません。", en: "You are not allowed to do this." },
  LOGIN_FAILED: { ja: "メールアドレスまたはパスワードが正しくありません。", en: "Wrong email address or password." },
  LOGIN_THROTTLED: {
    ja: "ログインの失敗が続いたため、しばらくお待ちください（約{minutes}分）。",
    en: "Too many failed sign-ins. Please wait about {minutes} minutes.",
  },
  SIGN_IN_BUSY: {
    ja: "ただいまログインが混み合っています。少し待ってからもう一度お試しください。",
    en: "Sign-in is busy right now. Please try again in a moment.",
  },
  BATCH_NOT_ALLOWED: {
    ja: "この操作はまとめて送信できません。1件ずつ送信してください。",
    en: "This request cannot be sent in a batch; send it on its own.",
  },
  BODY_TOO_LARGE: { ja: "送信されたデータが大きすぎます（上限 {max}）。", en: "The request is too large (at most {max})." },
  CONTENT_TYPE_UNSUPPORTED: {
    ja: "この形式のデータは受け付けられません（{expected} で送信してください）。",
    en: "This kind of content is not accepted (send {expected}).",
  },
  CROSS_SITE_REFUSED: {
    ja: "他のサイトからの操作は受け付けられません。ページを開き直してからもう一度お試しください。",
    en: "Requests from another site are not accepted. Reload the page and try again.",
  },
  LIVE_STREAMS_TOO_MANY: {
    ja: "同時に開けるライブ表示は{max}件までです。使っていない画面やタブを閉じてください。",
    en: "At most {max} live views can be open at once. Close the screens or tabs you are not using.",
  },
  CALL_ALREADY_CLAIMED: { ja: "このお電話は別のオペレーターが応答しました。", en: "Another operator has already answered this call." },
  CALL_NOT_YOURS: { ja: "このお電話はあなたが応答したものではありません。", en: "You did not answer this call." },
  CALL_ALREADY_REPORTED: { ja: "このお電話の報告はすでに保存されています。", en: "This call's report has already been saved." },
  NUMBER_UNKNOWN: { ja: "この着信番号に対応するご契約がありません。", en: "No contract answers on this number." },
  // ── The telephony provider's webhooks: read by the provider's logs and whoever sets it up ──
  WEBHOOK_SIGNATURE_MISSING: {
    ja: "署名がありません（{header} ヘッダーが必要です）。",
    en: "The request is not signed ({header} is required).",
  },
  WEBHOOK_SIGNATURE_MALFORMED: {
    ja: "署名ヘッダーの形式が正しくありません（{format}）。",
    en: "The signature headers are malformed (expected {format}).",
  },
  WEBHOOK_SIGNATURE_MISMATCH: {
    ja: "署名が一致しません。共有シークレットと、署名した本文・URLをご確認ください。",
    en: "The signature does not match. Check the shared secret and the exact body and URL that were signed.",
  },
  WEBHOOK_TIMESTAMP_STALE: {
    ja: "署名の時刻が現在から{seconds}秒以上ずれています。送信元の時計を合わせ、新しい署名で送り直してください。",
    en: "The signature's timestamp is more than {seconds} seconds from now. Check the sender's clock and send again with a fresh signature.",
  },
  WEBHOOK_NOT_CONFIGURED: {
    ja: "この連携は設定されていません（{setting} を設定してください）。",
    en: "This integration is not configured (set {setting}).",
  },
  NUMBER_TAKEN: { ja: "この番号はすでに別のご契約で使われています。", en: "This number already belongs to another contract." },
  EMAIL_TAKEN: { ja: "このメールアドレスはすでに登録されています。", en: "This email address is already registered." },
  EMAIL_ALREADY_USER: {
    ja: "このメールアドレスの方はすでにここのユーザーです（一覧をご確認ください）。",
    en: "Someone with this address is already a user here (see the list).",
  },
  INVITATION_INVALID: {
    ja: "この招待リンクは使えません（有効期限切れ、使用済み、取り消し済み、または誤ったリンクです）。招待した方にもう一度送ってもらってください。",
    en: "This invitation link cannot be used (it has expired, was already used or revoked, or is not a valid link). Ask the person who invited you to send a new one.",
  },
  INVITATION_EMAIL_TAKEN: {
    ja: "このメールアドレスにはすでにアカウントがあります。1つのメールアドレスで作れるアカウントは1つだけです。お持ちのアカウントでログインするか、招待した方に別のアドレスでの招待をご依頼ください。",
    en: "This address already has an account, and an address can belong to only one account. Sign in with that account, or ask the person who invited you to invite another address.",
  },
  MAILBOX_TAKEN: { ja: "このメールアカウント名はすでに使われています。", en: "This mailbox is already taken." },
  CONTRACT_INACTIVE: { ja: "このご契約は現在ご利用いただけません。", en: "This contract is not active." },
  OUTBOX_NOT_FAILED: { ja: "再送できるのは送信失敗のメールだけです。", en: "Only failed mail can be retried." },
  CHANGED_MEANWHILE: {
    ja: "同じ時に別の変更が保存されました。表示を更新してからもう一度お試しください。",
    en: "Another change was saved at the same moment. Refresh and try again.",
  },
  INTERNAL: { ja: "システムエラーが発生しました。時間をおいて再度お試しください。", en: "Something went wrong on our side. Please try again shortly." },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof catalogue;
export const messageCodes = Object.keys(catalogue) as MessageCode[];

/** Values for a text's `{placeholders}`; a `{ ja, en }` value fills each language with its own words. */
export type MessageParams = Readonly<Record<string, string | number | LocalizedText>>;

function fill(template: string, params: MessageParams | undefined, locale: "ja" | "en"): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!Object.hasOwn(params, key)) return whole;
    const value = params[key]!;
    return typeof value === "object" ? value[locale] : String(value);
  });
}

/** The text of a code, with its placeholders filled, in both languages. */
export function message(code: MessageCode, params?: MessageParams): LocalizedText {
  const entry: Entry = catalogue[code];
  return { ja: fill(entry.ja, params, "ja"), en: fill(entry.en, params, "en") };
}

/** The rule a code comes from, if it is a rule's refusal. */
export function ruleOf(code: MessageCode): RuleId | undefined {
  const entry: Entry = catalogue[code];
  return entry.rule;
}

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(catalogue, value);
}

/** The whole catalogue, for apps that render explanations (e.g. a help page listing R1–R10). */
export function catalogueEntries(): ReadonlyArray<{ code: MessageCode; rule?: RuleId } & LocalizedText> {
  return messageCodes.map((code) => {
    const entry: Entry = catalogue[code];
    return { code, ...(entry.rule ? { rule: entry.rule } : {}), ja: entry.ja, en: entry.en };
  });
}
