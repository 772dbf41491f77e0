/**
 * Cooperative time slices for the process's one JavaScript thread.
 *
 * A GraphQL request that resolves many objects (15 aliases of `nodes(100 ids)` are 1,500) does all of it in promise
 * jobs, which Node runs to the end before it reads another socket: `/health` and every other request waited behind
 * the whole execution (issue 22). Work that asks `pause()` before each step is cut into slices instead: once the
 * current turn of the event loop has run for `sliceMs`, `pause()` hands back a promise that resolves in a later
 * turn, after Node has polled for I/O, and the caller continues from there.
 */
export class TimeSlicer {
  private sliceStart = 0;
  private inTurn = false;
  private nextTurn: Promise<void> | null = null;
  /** Times a caller was sent to a later turn (for metrics and tests). */
  pauses = 0;

  constructor(readonly sliceMs: number) {}

  /** Nothing while the current slice lasts; otherwise a promise for a later turn (ask again when it resolves). */
  pause(): Promise<void> | undefined {
    if (!this.inTurn) {
      // The first step of a turn starts its slice; an immediate marks where the turn ends.
      this.inTurn = true;
      this.sliceStart = performance.now();
      setImmediate(this.endTurn);
      return undefined;
    }
    if (performance.now() - this.sliceStart < this.sliceMs) return undefined;
    this.pauses++;
    return (this.nextTurn ??= new Promise((resolve) => setImmediate(() => {
      this.nextTurn = null;
      resolve();
    })));
  }

  private readonly endTurn = () => {
    this.inTurn = false;
  };

  /**
   * Runs `step` now when the slice allows, or in a later turn; a caller resumed with many others asks again, so
   * that the resumed work is itself cut into slices.
   */
  run<T>(step: () => T): T | Promise<T> {
    const wait = this.pause();
    return wait ? wait.then(() => this.run(step)) : step();
  }
}
