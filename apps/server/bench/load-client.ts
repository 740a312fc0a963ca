// The load generator, run as a child process so that the server under test has its own event
// loop (and, on two cores, its own core). It takes one job at a time over IPC: so many saves,
// so many in flight, against the real API or against a baseline, and answers with the timings.
/**
 * The headline pair saves a message on a call that is already open and answered:
 * `api` (calls.saveMessage) against `baseline` (the same inserts in one bare route).
 * The `*-open-save` pair also opens the call in the same loop (two requests per save each).
 */
export type Target = "api" | "baseline" | "api-open-save" | "baseline-open-save";

export type Job = {
  target: Target;
  url: string;
  /** Session cookie (the API only). */
  cookie: string;
  contractId: string;
  saves: number;
  concurrency: number;
  /** For `api` and `baseline`: calls opened before the timed run, one per save. */
  callIds?: string[];
};

export type JobResult = { saves: number; errors: number; firstError: string | null; elapsedMs: number; latenciesMs: number[] };

/** What the operator typed: the same for every save, on both sides. */
export const MESSAGE = {
  callerCompany: "株式会社ＸＹＺ",
  callerName: "高橋",
  callbackNumber: "03-1111-2222",
  requestedPerson: "高橋さん",
  message: "お見積りの件でお電話がありました。折り返しをお願いします。",
  callbackRequested: false,
};

async function post(url: string, body: unknown, cookie: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

type TrpcResult<T> = { result: { data: T } };

/** One message save, the way the console does it. */
async function saveOnce(job: Job, index: number): Promise<void> {
  const callId = job.callIds?.[index];
  switch (job.target) {
    case "api":
      await post(`${job.url}/trpc/calls.saveMessage`, { callId, ...MESSAGE }, job.cookie);
      return;
    case "baseline":
      await post(`${job.url}/save`, { callId, contractId: job.contractId, ...MESSAGE }, "");
      return;
    case "api-open-save": {
      const opened = (await post(`${job.url}/trpc/calls.openManual`, { contractId: job.contractId, from: "090-1234-5678" }, job.cookie)) as TrpcResult<{ id: string }>;
      await post(`${job.url}/trpc/calls.saveMessage`, { callId: opened.result.data.id, ...MESSAGE }, job.cookie);
      return;
    }
    case "baseline-open-save": {
      const opened = (await post(`${job.url}/open`, { contractId: job.contractId, from: "090-1234-5678" }, "")) as { id: string };
      await post(`${job.url}/save`, { callId: opened.id, contractId: job.contractId, ...MESSAGE }, "");
      return;
    }
  }
}

export async function runJob(job: Job): Promise<JobResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const worker = async () => {
    while (next < job.saves) {
      const index = next++;
      const t0 = performance.now();
      try {
        await saveOnce(job, index);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return { saves: latenciesMs.length, errors, firstError, elapsedMs: performance.now() - started, latenciesMs };
}

// As the forked child (the flag tells it from a mere import): run each job the parent sends.
export const CHILD_FLAG = "--uketsuke-load-client";
if (process.send && process.argv.includes(CHILD_FLAG)) {
  process.on("message", (job: Job) => {
    runJob(job).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ saves: 0, errors: 1, firstError: String(error), elapsedMs: 0, latenciesMs: [] } satisfies JobResult),
    );
  });
}
