// Runs readCase() (parseWorker.ts) in a worker thread with a time limit per
// case, synchronously, so it can sit inside a fast-check property: the caller
// blocks on a shared flag (Atomics.wait with a timeout) and a case that hangs
// is reported as 'timeout' (the worker is then replaced).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import type { ParseOutcome } from './parseWorker';

export class TimeBoxedReader {
  private worker!: Worker;
  private port!: MessagePort;
  private flag!: Int32Array;
  /** Workers replaced after a case hung. */
  restarts = 0;

  constructor(private readonly script = join(__dirname, '..', 'support', 'parseWorker.js')) {
    this.start();
  }

  private start(): void {
    const shared = new SharedArrayBuffer(4);
    this.flag = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(this.script, { workerData: { flag: shared, port: port2 }, transferList: [port2] });
    this.worker.unref();
  }

  /** Reads `bytes` in the worker; 'timeout' if it took longer than `timeoutMs`. */
  read(bytes: Uint8Array, timeoutMs: number): ParseOutcome | 'timeout' {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ bytes });
    if (Atomics.wait(this.flag, 0, 0, timeoutMs) === 'timed-out') {
      void this.worker.terminate();
      this.restarts++;
      this.start();
      return 'timeout';
    }
    const received = receiveMessageOnPort(this.port);
    if (!received) throw new Error('the parse worker signalled without a result');
    return received.message as ParseOutcome;
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
