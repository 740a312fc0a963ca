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
import type { Agency, Call, Report, UserProfile } from "../schema.ts";

/** A random Tokyo number in E.164. */
export const randomNumber = (): string => `+813${String(randomInt(10_000_000, 100_000_000))}`;

const unique = (): string => randomUUID().slice(0, 8);

export async function seedAgency(db: Executor): Promise<Agency> {
  return (await getAgency(db)) ?? insertAgency(db, { name: "受付テスト電話代行", mailDomain: "uketsuke.example" });
}

export async function seedContract(db: Executor, input: Partial<NewContractInput> = {}): Promise<ContractWithNumbers> {
  const agency = await seedAgency(db);
  return insertContract(db, {
    agencyId: agency.id,
    legalEntityName: "株式会社テスト商事",
    answerName: "テスト商事",
    numbers: [randomNumber()],
    ...input,
  });
}

export function seedUser(db: Executor, input: Partial<NewUserInput> = {}): Promise<UserProfile> {
  const name = unique();
  return insertUser(db, {
    email: `${name}@example.com`,
    passwordHash: "not-a-real-hash",
    displayName: `利用者 ${name}`,
    role: "operator",
    mailbox: input.role === "client" ? null : `op-${name}`,
    ...input,
  });
}

export function seedCall(db: Executor, contractId: string, input: Partial<NewCallInput> = {}): Promise<Call> {
  return insertCall(db, {
    contractId: contractId,
    externalId: `ext-${randomUUID()}`,
    fromNumber: randomNumber(),
    toNumber: randomNumber(),
    status: "ringing",
    source: "telephony",
    ringAt: new Date().toISOString(),
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
    contractId: contractId,
    operatorId: operatorId,
    receivedAt: new Date().toISOString(),
    callerCompany: "株式会社サンプル",
    callerName: "鈴木",
    callbackNumber: "03-1234-5678",
    requestedPerson: null,
    routedMemberId: null,
    routedName: "代表",
    routedAddress: "desk@client.example",
    routingReason: "not_named",
    message: "お電話がありました。",
    callbackRequested: false,
    outcome: "message",
    subject: "【受電報告】",
    bodyText: "本文",
    bodyHtml: "<p>本文</p>",
    messageId: `<${randomUUID()}@uketsuke.example>`,
    ...input,
  });
}
