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
