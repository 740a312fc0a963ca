// Small builders for test data. Every call makes new, unique rows, so tests that share one
// database never see each other's contracts, numbers or users.
import { randomInt, randomUUID } from "node:crypto";
import type { Executor } from "../executor.ts";
import { getAgency, insertAgency } from "../queries/agency.ts";
import { insertCall } from "../queries/calls.ts";
import type { NewCallInput } from "../queries/calls.ts";
import { insertContract } from "../queries/contracts.ts";
import type { ContractWithNumbers, NewContractInput } from "../queries/contracts.ts";
import { insertReport } from "../queries/reports.ts";
import type { NewReportInput } from "../queries/reports.ts";
import { insertUser } from "../queries/users.ts";
import type { NewUserInput } from "../queries/users.ts";
import type { Agency, Call, Report, User } from "../schema.ts";

/** A random Tokyo number in E.164. */
export const randomNumber = (): string => `+813${String(randomInt(10_000_000, 100_000_000))}`;

const unique = (): string => randomUUID().slice(0, 8);

export async function seedAgency(db: Executor): Promise<Agency> {
  return (await getAgency(db)) ?? insertAgency(db, { name: "受付テスト電話代行", mail_domain: "uketsuke.example" });
}

export async function seedContract(db: Executor, input: Partial<NewContractInput> = {}): Promise<ContractWithNumbers> {
  const agency = await seedAgency(db);
  return insertContract(db, {
    agency_id: agency.id,
    legal_entity_name: "株式会社テスト商事",
    answer_name: "テスト商事",
    numbers: [randomNumber()],
    ...input,
  });
}

export function seedUser(db: Executor, input: Partial<NewUserInput> = {}): Promise<User> {
  const name = unique();
  return insertUser(db, {
    email: `${name}@example.com`,
    password_hash: "not-a-real-hash",
    display_name: `利用者 ${name}`,
    role: "operator",
    mailbox: input.role === "client" ? null : `op-${name}`,
    ...input,
  });
}

export function seedCall(db: Executor, contractId: string, input: Partial<NewCallInput> = {}): Promise<Call> {
  return insertCall(db, {
    contract_id: contractId,
    external_id: `ext-${randomUUID()}`,
    from_number: randomNumber(),
    to_number: randomNumber(),
    status: "ringing",
    source: "telephony",
    ring_at: new Date().toISOString(),
    ...input,
  });
}

export function seedReport(
  db: Executor,
  contractId: string,
  operatorId: string,
  input: Partial<NewReportInput> = {},
): Promise<Report> {
  return insertReport(db, {
    contract_id: contractId,
    operator_id: operatorId,
    received_at: new Date().toISOString(),
    caller_company: "株式会社サンプル",
    caller_name: "鈴木",
    callback_number: "03-1234-5678",
    requested_person: null,
    routed_member_id: null,
    routed_name: "代表",
    routed_address: "desk@client.example",
    routing_reason: "not_named",
    message: "お電話がありました。",
    callback_requested: false,
    outcome: "message",
    subject: "【受電報告】",
    body_text: "本文",
    body_html: "<p>本文</p>",
    message_id: `<${randomUUID()}@uketsuke.example>`,
    ...input,
  });
}
