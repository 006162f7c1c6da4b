// A one-line progress display on a terminal; silent when stderr is not a TTY (logs, CI, pipes).
export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = Boolean(process.stderr.isTTY),
  ) {}

  update(line: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const width = (this.stream.columns || 100) - 1;
    this.stream.write('\r\x1b[2K' + line.slice(0, width));
    this.shown = true;
  }

  /** `[████░░░░]  40% ` when the total is known, else nothing. */
  static bar(done: number, total: number | null, width = 20): string {
    if (!total) return '';
    const share = Math.min(1, done / total);
    const full = Math.round(share * width);
    return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)}% `;
  }

  /** Clear the line before printing something else (an error line, the summary). */
  clear(): void {
    if (this.enabled && this.shown) {
      this.stream.write('\r\x1b[2K');
      this.shown = false;
    }
  }
}
