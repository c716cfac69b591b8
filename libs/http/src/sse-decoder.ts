/** One dispatched event: its `event:` type (when given) and its joined `data`. */
export interface SseEvent {
  type?: string;
  data: string;
}

/**
 * Turns a `text/event-stream` body, in chunks split anywhere (mid-line, mid-character), into its
 * events. Comments, `id:` and `retry:` lines are ignored.
 *
 * llama.cpp's server reports a failure inside a stream as `error: {json}` followed by
 * `data: [DONE]`. `error` is not a field of the SSE standard, so a strict parser drops it and the
 * stream looks complete; here its lines form an event of type `error` of their own. Hand-written
 * rather than eventsource-parser (4.1.3), which reports an unknown field only when its line arrives
 * in one chunk and silently skips it when a TCP read splits it.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private type: string | undefined;
  private data: string[] | undefined;
  private error: string[] | undefined;

  push(bytes: Uint8Array): SseEvent[] {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    return this.drain(false);
  }

  /** Flushes what is left when the body ends; a last event without its blank line still counts. */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    return this.drain(true);
  }

  private drain(final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
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

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      // The error goes first: what follows it in the same block is not to be trusted.
      if (this.error) events.push({ type: 'error', data: this.error.join('\n') });
      if (this.data) {
        events.push(
          this.type === undefined
            ? { data: this.data.join('\n') }
            : {
                type: this.type,
                data: this.data.join('\n'),
              },
        );
      }
      this.type = this.data = this.error = undefined;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') (this.data ??= []).push(value);
    else if (field === 'event') this.type = value || undefined;
    else if (field === 'error') (this.error ??= []).push(value);
  }
}
