// One timer for everything that shows elapsed time (status bar, Session
// view): it ticks on each whole minute, and only while someone needs it, so
// an idle window has no timer running.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { msUntilNextMinute } from './sessionClock';

export class MinuteClock extends Disposable {
  private readonly ticked = this._register(new vscode.EventEmitter<Date>());
  readonly onDidTick = this.ticked.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly wanted = new Set<string>();

  constructor() {
    super();
    this._register({ dispose: () => this.stop() });
  }

  /** Starts or stops ticks on behalf of `who`; the clock runs while anyone wants it. */
  want(who: string, on: boolean): void {
    if (on) this.wanted.add(who);
    else this.wanted.delete(who);
    if (this.wanted.size > 0 && !this.timer && !this.isDisposed) this.schedule();
    if (this.wanted.size === 0) this.stop();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.wanted.size === 0 || this.isDisposed) return;
      this.ticked.fire(new Date());
      this.schedule();
    }, msUntilNextMinute(new Date()) + 50);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
