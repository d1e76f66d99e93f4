// Plain log lines with the elapsed time of each phase: they read the same in a terminal and in CI's
// log, and the summary says where the time went.

export interface PhaseLog {
  run<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** A line inside the current phase, with the seconds since the start. */
  note(message: string): void;
  summary(): { phase: string; seconds: number }[];
  totalSeconds(): number;
}

export function createPhaseLog(): PhaseLog {
  const started = performance.now();
  const phases: { phase: string; seconds: number }[] = [];
  const since = (from: number) => (performance.now() - from) / 1000;
  const stamp = () => `[${since(started).toFixed(1).padStart(6)} s]`;
  return {
    async run(name, work) {
      const from = performance.now();
      console.log(`${stamp()} ${name}...`);
      const result = await work();
      const seconds = since(from);
      phases.push({ phase: name, seconds: Math.round(seconds * 10) / 10 });
      console.log(`${stamp()} ${name}: done in ${seconds.toFixed(1)} s`);
      return result;
    },
    note: (message) => console.log(`${stamp()}   ${message}`),
    summary: () => phases,
    totalSeconds: () => since(started),
  };
}

/** Calls `report` about every tenth of the way through `total` items. */
export function everyTenth(total: number, report: (done: number) => void): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (done % step === 0 || done === total) report(done);
  };
}
