// Progress of long work: a bar on a terminal, plain lines otherwise (logs, CI).
import cliProgress from 'cli-progress';
import type { Progress } from './import-batches.js';

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    return {
      start(stage, total) {
        bar = new cliProgress.SingleBar(
          { format: `${stage.padEnd(7)} [{bar}] {percentage}% {value}/{total} {duration_formatted}`, stream },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      },
      advance: (done) => bar?.update(done),
      stop: () => bar?.stop(),
    };
  }
  let stage = '';
  let total = 0;
  let lastShown = 0;
  return {
    start(name, count) {
      stage = name;
      total = count;
      lastShown = 0;
      stream.write(`${stage}: 0/${total}\n`);
    },
    advance(done) {
      // A line at most every tenth of the work.
      if (done === total || done - lastShown >= Math.max(1, Math.ceil(total / 10))) {
        lastShown = done;
        stream.write(`${stage}: ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}
