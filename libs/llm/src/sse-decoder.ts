/**
 * Turns a `text/event-stream` body, in chunks split anywhere (mid-line, mid-character), into the
 * `data` of each event. Comments, `event:`, `id:` and `retry:` lines are ignored.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private data: string[] | undefined;

  push(bytes: Uint8Array): string[] {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    return this.drain(false);
  }

  /** Flushes what is left when the body ends; a last event without its blank line still counts. */
  end(): string[] {
    this.buffer += this.decoder.decode();
    return this.drain(true);
  }

  private drain(final: boolean): string[] {
    const events: string[] = [];
    const buf = this.buffer;
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (c === 13 && i + 1 === buf.length && !final) break;
      this.line(buf.slice(start, i), events);
      if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.buffer = buf.slice(start);
    if (final) {
      if (this.buffer) this.line(this.buffer, events);
      this.buffer = '';
      this.line('', events);
    }
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === '') {
      if (this.data) events.push(this.data.join('\n'));
      this.data = undefined;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    (this.data ??= []).push(value);
  }
}
