// How a long command-line job shows its progress on stderr: a cli-progress bar on a terminal; elsewhere (a log,
// a pipe) one line every 5 s and the last state once more at the end.
import cliProgress from 'cli-progress';

export type ProgressView<P> = {
  /** The bar's cli-progress format for this state; when it changes (a new phase) the bar is finished and a new one starts. */
  bar: (p: P) => string;
  /** The line written when the stream is no terminal (without the newline). */
  line: (p: P) => string;
};

export type ProgressReporter<P> = { update: (p: P) => void; stop: () => void };

/** The whole-number percentage of a state, 100 when there is nothing to do. */
export const progressPct = (p: { done: number; total: number }) =>
  p.total ? Math.floor((100 * p.done) / p.total) : 100;

export function progressReporter<P extends { done: number; total: number }>(
  stream: NodeJS.WriteStream,
  view: ProgressView<P>,
): ProgressReporter<P> {
  let bar: cliProgress.SingleBar | null = null;
  let barFormat: string | null = null;
  let lastLine = 0;
  let last: P | null = null;
  const line = (p: P) => stream.write(`${view.line(p)}\n`);
  return {
    update: (p: P) => {
      last = p;
      if (stream.isTTY) {
        const format = view.bar(p);
        if (bar && barFormat !== format) {
          bar.update(bar.getTotal());
          bar.stop();
          bar = null;
        }
        if (!bar) {
          barFormat = format;
          bar = new cliProgress.SingleBar(
            { stream, format, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, p);
        } else bar.update(p.done, p);
        return;
      }
      if (Date.now() - lastLine >= 5000) {
        lastLine = Date.now();
        line(p);
      }
    },
    stop: () => {
      if (bar) bar.stop();
      else if (last && lastLine !== 0) line(last);
    },
  };
}
