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

  /** Clear the line before printing something else (an error line, the summary). */
  clear(): void {
    if (this.enabled && this.shown) {
      this.stream.write('\r\x1b[2K');
      this.shown = false;
    }
  }
}
