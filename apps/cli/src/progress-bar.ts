/** A one-line progress bar on a terminal's stderr: done/total, rate, ETA. Silent elsewhere. */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** `label`: what is being done now (a report's step), shown after the counts. */
  update(done: number, total: number, label?: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && total > done ? Math.ceil((total - done) / rate) : 0;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const what = label ? `  ${label.slice(0, 40)}` : '';
    this.stream.write(`\r[${bar}] ${done}/${total} ${this.unit}  ${rate.toFixed(1)}/s  ETA ${eta}s${what}   `);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
