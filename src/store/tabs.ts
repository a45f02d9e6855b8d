import type { ChangeEntity } from '../contract/index.js';

/** What one tab tells the others of the same user: which entities changed, or that the outbox did. */
export interface TabMessage {
  entities?: ChangeEntity[];
  outbox?: boolean;
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

  /** Runs `work` while this tab holds the lock on `part`; when another tab holds it, returns without waiting. */
  async exclusively(part: 'sync' | 'outbox', work: () => Promise<void>): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.locks) return work();
    await navigator.locks.request(`${this.name}:${part}`, { ifAvailable: true }, async (lock) => {
      if (lock) await work();
    });
  }

  close(): void {
    this.closed = true;
    this.channel.close();
  }
}
