import { execFileSync } from 'node:child_process';

/** Which code ran: the commit, and whether src/ had uncommitted changes (others edit it while benchmarks run). */
export function sourceVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--', 'src').length > 0;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'an unknown commit (no git)';
  }
}

const loadText = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');

/**
 * The load average before and after a run, in words, and whether the figures count. Before the run is what
 * tells whether something else was running: 1 or less on this machine's two cores. After includes the run's
 * own Chromium and server (a rendering benchmark keeps both cores busy), so it is reported, not judged.
 */
export function loadSentence(before: number[], after: number[]): string {
  const quiet = before[0]! <= 1;
  return `Load average (1 / 5 / 15 min) before ${loadText(before)}, after ${loadText(after)}${quiet ? ' (after includes the benchmark\'s own load)' : ' (**busy machine before the run: figures not judged**)'}`;
}
