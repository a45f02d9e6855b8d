/**
 * A pause until a task of its own, so the page can paint and handle input in between: a message to itself,
 * which is neither held back 4 ms as nested timers are nor to once a second in a hidden tab as timers are.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause until the next frame is painted: a task after the next animation frame's callbacks. A hidden page
 * paints no frames: there it waits `atMost` ms.
 */
export function afterNextPaint(atMost = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, atMost);
    requestAnimationFrame(() => {
      void nextTask().then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  });
}
