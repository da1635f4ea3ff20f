/** A one-line progress bar on a terminal stream; draws nothing when the stream is not a terminal. */
export function progressBar(stream: { write(chunk: string): unknown; isTTY?: boolean }, enabled: boolean) {
  const width = 30;
  let drawn = false;
  return {
    update(done: number, total: number, label = ''): void {
      if (!enabled || !stream.isTTY || total < 2) return;
      const filled = Math.round((done / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}`);
      drawn = true;
    },
    done(): void {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
