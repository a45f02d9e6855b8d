import type { ChangeEntity } from '../contract/index.js';

/**
 * What one tab tells the others of the same user: which entities changed, that the outbox did, or that the
 * live connection heard of new notifications or changed callback requests.
 */
export interface TabMessage {
  entities?: ChangeEntity[];
  outbox?: boolean;
  notifications?: boolean;
  callbacks?: boolean;
}

/**
 * The tabs of one user on one backend: one of them syncs and sends at a time (Web Locks named after the
 * user's partition), and each tells the others what it changed (a BroadcastChannel of the same name).
 */
export class Tabs {
  private readonly channel: BroadcastChannel;
  private closed = false;

  constructor(
    private readonly name: string,
    onMessage: (message: TabMessage) => void,
  ) {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  }

  tell(message: TabMessage): void {
    if (!this.closed) this.channel.postMessage(message);
  }

  /**
   * Runs `work` while this tab holds the lock on `part`; when another tab (or this one) holds it, returns
   * false at once without running it, or with `wait` runs it once that holder is done.
   */
  async exclusively(part: 'sync' | 'outbox', work: () => Promise<void>, wait = false): Promise<boolean> {
    if (typeof navigator === 'undefined' || !navigator.locks) {
      await work();
      return true;
    }
    return navigator.locks.request(`${this.name}:${part}`, { ifAvailable: !wait }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
  }

  /**
   * Runs `work` once this tab is the one that leads `part`: it waits its turn behind the tab leading now and
   * takes over when that one closes. `work` leads until `signal` aborts.
   */
  async lead(part: 'live', signal: AbortSignal, work: () => Promise<void>): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.locks) return work();
    await navigator.locks.request(`${this.name}:${part}`, { signal }, work).catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
  }

  close(): void {
    this.closed = true;
    this.channel.close();
  }
}
