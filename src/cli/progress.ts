/**
 * A progress bar on stderr for the stages of a run, only when a person is
 * watching (stderr is a terminal): never in pipes, CI logs or `--json` output.
 */
import cliProgress from 'cli-progress';
import type { Translator } from '../i18n';

export interface Progress {
  stage(key: string): void;
  stop(): void;
}

export function progress(t: Translator, total: number, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { stage: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {value}/{total} {stage}', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { stage: '' });
  let done = 0;
  return {
    stage(key) {
      bar.update(done++, { stage: t.t(`cli.stage.${key}`) });
    },
    stop() {
      bar.update(total);
      bar.stop();
    },
  };
}
