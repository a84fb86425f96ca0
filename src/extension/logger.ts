// The extension's one log: a LogOutputChannel named "Campaign" (View → Output,
// or "Campaign: Show Log"). Each component logs through its own tagged child
// so a line says where it came from: `[store] reloaded …`. Shipped code logs
// here and never to the console.
import type * as vscode from 'vscode';

export class Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly component?: string,
  ) {}

  /** A logger whose lines carry `[component]`. */
  child(component: string): Logger {
    return new Logger(this.channel, component);
  }

  trace(message: string): void {
    this.channel.trace(this.tag(message));
  }

  debug(message: string): void {
    this.channel.debug(this.tag(message));
  }

  info(message: string): void {
    this.channel.info(this.tag(message));
  }

  warn(message: string): void {
    this.channel.warn(this.tag(message));
  }

  /** Logs the message and, for unexpected errors, the stack. */
  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : err === undefined ? '' : String(err);
    this.channel.error(this.tag(detail ? `${message}: ${detail}` : message));
  }

  show(): void {
    this.channel.show(true);
  }

  private tag(message: string): string {
    return this.component ? `[${this.component}] ${message}` : message;
  }
}
