import "./gc-tuning.ts";
import { readEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { boot } from "./boot.ts";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const running = await boot(env, logger);

const lines = [`\n  Uketsuke is running: ${running.url}`, `  Health: ${running.url}/healthz  ·  API: ${running.url}/trpc`];
if (running.demoLogins) {
  lines.push("", running.firstStart ? "  Demo logins (created on this first start):" : "  Demo logins:");
  for (const login of running.demoLogins) lines.push(`    ${login.email.padEnd(36)} ${login.password}   ${login.note}`);
}
process.stdout.write(`${lines.join("\n")}\n\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
