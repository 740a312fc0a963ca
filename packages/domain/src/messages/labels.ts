/**
 * What the apps write next to an input and in place of a stored value: a label for every field of
 * every input schema, and for every value of every vocabulary, in Japanese and English. The same
 * words in the console, the dashboard and the report mail.
 */
import type { LocalizedText } from "./catalogue.ts";
import { VOCABULARIES, type CallOutcome, type VocabularyName, type VocabularyValue } from "../vocabulary.ts";

export const fieldLabels = {
  // ── contracts (R10) ──
  legalEntityName: { ja: "契約法人名", en: "Legal entity" },
  answerName: { ja: "電話の名乗り", en: "Answer name" },
  script: { ja: "応対スクリプト", en: "Script" },
  numbers: { ja: "電話番号", en: "Phone numbers" },
  number: { ja: "電話番号", en: "Phone number" },
  status: { ja: "状態", en: "Status" },
  contractId: { ja: "ご契約", en: "Contract" },
  // ── roster and report addresses (R3, R7) ──
  name: { ja: "氏名", en: "Name" },
  nameKana: { ja: "ふりがな", en: "Reading (kana)" },
  reportAddress: { ja: "報告先メールアドレス", en: "Report address" },
  addressKind: { ja: "アドレスの種類", en: "Address type" },
  listPolicy: { ja: "非メンバーからの投稿", en: "Posts from non-members" },
  orderedIds: { ja: "名簿の並び順", en: "Roster order" },
  department: { ja: "部署", en: "Department" },
  // ── wrong-number registry (R6) ──
  companyName: { ja: "間違われる会社名", en: "Company callers confuse you with" },
  companyNameKana: { ja: "会社名のふりがな", en: "Company name reading (kana)" },
  typicalCalls: { ja: "よくある間違い電話の内容", en: "Typical wrong calls" },
  company: { ja: "聞き取った会社名", en: "Company heard" },
  // ── calls and messages (R5, R8, R9, R10) ──
  callId: { ja: "通話", en: "Call" },
  callerCompany: { ja: "お電話の方の会社名", en: "Caller's company" },
  callerName: { ja: "お電話の方のお名前", en: "Caller's name" },
  callbackNumber: { ja: "折り返し先電話番号", en: "Callback number" },
  requestedPerson: { ja: "ご指名の方", en: "Person asked for" },
  message: { ja: "ご用件", en: "Message" },
  callbackRequested: { ja: "折り返し希望", en: "Callback requested" },
  outcome: { ja: "対応結果", en: "Outcome" },
  wrongNumberEntryId: { ja: "該当する間違い電話先", en: "Wrong-number entry" },
  type: { ja: "イベントの種類", en: "Event type" },
  direction: { ja: "発着信の方向", en: "Direction" },
  from: { ja: "発信元番号", en: "Caller's number" },
  to: { ja: "着信番号", en: "Number called" },
  at: { ja: "日時", en: "Time" },
  // ── people and sign-in ──
  email: { ja: "メールアドレス", en: "Email address" },
  password: { ja: "パスワード", en: "Password" },
  displayName: { ja: "表示名", en: "Display name" },
  mailbox: { ja: "送信用メールアカウント名", en: "Sender mailbox" },
  role: { ja: "役割", en: "Role" },
  clientRole: { ja: "ご契約内での役割", en: "Role in the contract" },
  locale: { ja: "表示言語", en: "Language" },
  disabled: { ja: "利用停止", en: "Disabled" },
  id: { ja: "識別番号（ID）", en: "ID" },
  token: { ja: "招待リンク", en: "Invitation link" },
  kind: { ja: "ご依頼の内容", en: "Request" },
  // ── lists and filters ──
  q: { ja: "検索語", en: "Search" },
  limit: { ja: "表示件数", en: "Number of rows" },
  cursor: { ja: "続きの位置", en: "Position in the list" },
  person: { ja: "報告先", en: "Reported to" },
  callback: { ja: "折り返し", en: "Callback" },
  urgent: { ja: "至急（折り返し希望あり）", en: "Urgent (callback requested)" },
  period: { ja: "期間", en: "Period" },
  month: { ja: "対象月", en: "Month" },
  actorUserId: { ja: "操作した人", en: "Changed by" },
  action: { ja: "操作", en: "Action" },
  lastEventId: { ja: "最後に受け取ったイベント", en: "Last event received" },
} as const satisfies Record<string, LocalizedText>;

export type FieldName = keyof typeof fieldLabels;

/** A report's columns that no input carries: what the dashboard's list and CSV export head them with. */
export const reportColumnLabels = {
  receivedAt: { ja: "受電日時", en: "Received" },
  routedName: fieldLabels.person,
  routingReason: { ja: "報告先の決め方", en: "Why this recipient" },
  callbackStatus: { ja: "折り返し状況", en: "Callback status" },
} as const satisfies Record<string, LocalizedText>;

/**
 * A field whose meaning depends on the input it belongs to. In the filters, `from` and `to` bound
 * a period; in a call they are phone numbers. Keyed by the schema's exported name.
 */
const periodLabels = {
  from: { ja: "期間（開始）", en: "From (date and time)" },
  to: { ja: "期間（終了）", en: "To (date and time)" },
} as const satisfies Partial<Record<FieldName, LocalizedText>>;

export const fieldLabelsBySchema = {
  reportFilterSchema: periodLabels,
  statsInputSchema: periodLabels,
  auditFilterSchema: periodLabels,
  // The operator's 至急 mark (the report's first line), not the filter's "callback requested".
  messageInputSchema: { urgent: { ja: "至急", en: "Urgent" } },
} as const satisfies Record<string, Partial<Record<FieldName, LocalizedText>>>;

export function isFieldName(value: string): value is FieldName {
  return Object.hasOwn(fieldLabels, value);
}

/**
 * The label of an input field: `fieldLabel("reportAddress")`. Pass the schema's exported name
 * where the same field name means something else there: `fieldLabel("from", "reportFilterSchema")`.
 */
export function fieldLabel(name: FieldName, schema?: string): LocalizedText {
  const special: Partial<Record<FieldName, LocalizedText>> | undefined =
    schema && Object.hasOwn(fieldLabelsBySchema, schema) ? fieldLabelsBySchema[schema as keyof typeof fieldLabelsBySchema] : undefined;
  return special?.[name] ?? fieldLabels[name];
}

/**
 * The label for a field error's path as the API sends it ("numbers.0" → the numbers label):
 * the innermost named segment. Undefined for the value itself ("") or an unknown name.
 */
export function fieldLabelForPath(path: string, schema?: string): LocalizedText | undefined {
  const name = path
    .split(".")
    .reverse()
    .find((segment) => !/^\d+$/.test(segment));
  return name && isFieldName(name) ? fieldLabel(name, schema) : undefined;
}

export const enumLabels = {
  locale: {
    ja: { ja: "日本語", en: "Japanese" },
    en: { ja: "英語", en: "English" },
  },
  outcome: {
    message: { ja: "ご伝言", en: "Message taken" },
    // R6 / Q6: the operator could tell it was a wrong number and told the caller.
    wrong_number: { ja: "間違い電話（先方にお伝え済み）", en: "Wrong number (caller told)" },
    // R9 / Q9: the caller said it was a test; the operator explained the next steps.
    test_call: { ja: "テスト着信（今後の流れをご案内済み）", en: "Test call (next steps explained)" },
    // R10 / Q10: the caller wanted another (group) company; not relayed.
    other_company: { ja: "他社宛のため取次ぎ不可（先方にお伝え済み）", en: "For another company, not relayed (caller told)" },
  },
  contractStatus: {
    active: { ja: "稼働中", en: "Active" },
    suspended: { ja: "一時停止中", en: "Suspended" },
    ended: { ja: "終了", en: "Ended" },
  },
  role: {
    client: { ja: "ご契約者", en: "Client" },
    operator: { ja: "オペレーター", en: "Operator" },
    supervisor: { ja: "管理者", en: "Supervisor" },
  },
  clientRole: {
    owner: { ja: "契約責任者", en: "Owner" },
    member: { ja: "メンバー", en: "Member" },
  },
  addressKind: {
    person: { ja: "個人のアドレス", en: "A person's address" },
    list: { ja: "メーリングリスト", en: "Mailing list" },
  },
  listPolicy: {
    open: { ja: "非メンバーも投稿できる", en: "Accepts posts from non-members" },
    members_only: { ja: "メンバーのみ投稿できる", en: "Members only" },
  },
  callDirection: {
    inbound: { ja: "着信", en: "Inbound" },
    outbound: { ja: "発信", en: "Outbound" },
  },
  callStatus: {
    ringing: { ja: "呼び出し中", en: "Ringing" },
    answered: { ja: "応答中", en: "Answered" },
    ended: { ja: "終了", en: "Ended" },
    missed: { ja: "応答前に切断", en: "Hung up before answer" },
    closed: { ja: "受付外（営業時間外・契約停止中）", en: "Not taken (outside hours or contract not active)" },
  },
  callSource: {
    telephony: { ja: "電話回線", en: "Telephony" },
    manual: { ja: "手動で開始", en: "Opened by hand" },
  },
  callEventType: {
    ring: { ja: "着信", en: "Ring" },
    answer: { ja: "応答", en: "Answer" },
    hangup: { ja: "切断", en: "Hang-up" },
  },
  routingReason: {
    named: { ja: "ご指名の方へ", en: "To the person named" },
    not_named: { ja: "ご指名なし（名簿最上位の方へ）", en: "No one named (top of the roster)" },
    not_found: { ja: "名簿にない方のご指名（名簿最上位の方へ）", en: "Named someone not on the roster (top of the roster)" },
    ambiguous: { ja: "同じお名前の方が複数（名簿上位の方へ）", en: "Name fits several people (the higher on the roster)" },
  },
  callbackStatus: {
    open: { ja: "折り返し待ち", en: "Waiting for a callback" },
    done: { ja: "対応済み", en: "Done" },
  },
  outboxKind: {
    report: { ja: "受電報告", en: "Report" },
    reminder: { ja: "折り返しのお願い", en: "Callback reminder" },
    notice: { ja: "報告先の変更のお知らせ", en: "Notice of a change of report addresses" },
    invitation: { ja: "アカウントへのご招待", en: "Invitation to an account" },
  },
  outboxStatus: {
    pending: { ja: "送信待ち", en: "Waiting to send" },
    sending: { ja: "送信中", en: "Sending" },
    sent: { ja: "送信済み", en: "Sent" },
    captured: { ja: "保存のみ（SMTP未設定）", en: "Captured (no SMTP configured)" },
    failed: { ja: "送信失敗", en: "Failed" },
  },
  invitationStatus: {
    pending: { ja: "招待中（未登録）", en: "Invited (not yet accepted)" },
    accepted: { ja: "登録済み", en: "Accepted" },
    revoked: { ja: "取り消し済み", en: "Revoked" },
    expired: { ja: "期限切れ", en: "Expired" },
  },
  figurePeriod: {
    thisMonth: { ja: "今月", en: "This month" },
    lastMonth: { ja: "先月", en: "Last month" },
    last90: { ja: "過去90日", en: "Last 90 days" },
  },
  serviceRequest: {
    change_subject: { ja: "報告メールの件名を変えたい", en: "Change the report's subject" },
    block_caller: { ja: "特定の相手からの電話を拒否したい", en: "Block a caller" },
    outbound_call: { ja: "こちらから電話をかけてほしい", en: "Make a call for us" },
    additional_legal_entity: { ja: "別の法人もこの契約で使いたい", en: "Add another legal entity to this contract" },
    alternative_answer_name: { ja: "別の名乗りでも電話に出てほしい", en: "Answer with another name too" },
  },
} as const satisfies { [N in VocabularyName]: Record<VocabularyValue<N>, LocalizedText> };

/** The label of one value: `enumLabel("outcome", "wrong_number")`. */
export function enumLabel<N extends VocabularyName>(name: N, value: VocabularyValue<N>): LocalizedText {
  return (enumLabels[name] as Record<VocabularyValue<N>, LocalizedText>)[value];
}

/** Every value of a vocabulary in its order, with its label: what a select or a filter lists. */
export function enumOptions<N extends VocabularyName>(name: N): Array<{ value: VocabularyValue<N>; label: LocalizedText }> {
  return (VOCABULARIES[name] as readonly VocabularyValue<N>[]).map((value) => ({ value, label: enumLabel(name, value) }));
}

/** The outcome labels by value, as the report mail and the API have always read them. */
export const outcomeLabels: Readonly<Record<CallOutcome, LocalizedText>> = enumLabels.outcome;
