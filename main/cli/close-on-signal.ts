// A server started from the command line closes cleanly on SIGTERM or SIGINT (once, however
// many signals come), so the hub's and the office's data folders are left as a stop leaves them.
export function closeOnSignal(running: { close(): Promise<unknown> }, what: string): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing ${what}`);
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
