// A bench's load runs in a child process, so the server under test keeps its own event loop
// (and, on two cores, its own core). The child takes one job at a time over IPC.
import { fork, type ChildProcess } from "node:child_process";

export type ChildRunner<J, R> = { run(job: J): Promise<R>; stop(): void };

export function forkRunner<J, R>(file: string, flag: string, name: string): ChildRunner<J, R> {
  // Under tsx, process.execArgv carries its loader; otherwise ask for it.
  const execArgv = process.execArgv.length > 0 ? process.execArgv : ["--import", "tsx"];
  const child: ChildProcess = fork(file, [flag], { execArgv, stdio: "inherit" });
  return {
    run: (job) =>
      new Promise<R>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`${name} exited (${code})`));
        child.once("exit", onExit);
        child.once("message", (result) => {
          child.off("exit", onExit);
          resolve(result as R);
        });
        child.send(job as object);
      }),
    stop: () => {
      child.kill();
    },
  };
}
