import { createParser } from 'eventsource-parser';

export interface StreamReader {
  /** One complete event: its `event:` name (absent: none) and its data. */
  onEvent(name: string | undefined, data: string): void;
  /** A chunk arrived (the caller's timeout restarts). */
  onChunk(): void;
  /** False once the caller stopped listening (the answer is complete, or stopped). */
  isCurrent(): boolean;
}

/**
 * Reads a `text/event-stream` body with eventsource-parser until it ends, the connection drops or
 * the caller stops listening (then the body is cancelled). An event without its closing blank
 * line at the end is dropped, as EventSource does.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  reader: StreamReader,
): Promise<void> {
  const source = body.getReader();
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: (event) => reader.onEvent(event.event, event.data) });
  // A "\r" last in a chunk may be half of a "\r\n": at the end it was a line break after all.
  let last = '';
  const feed = (text: string) => {
    if (text) last = text;
    parser.feed(text);
  };
  try {
    while (reader.isCurrent()) {
      const chunk = await source.read();
      if (!reader.isCurrent()) break;
      if (chunk.done) {
        feed(decoder.decode());
        if (last.endsWith('\r')) parser.feed('\n');
        break;
      }
      reader.onChunk();
      feed(decoder.decode(chunk.value, { stream: true }));
    }
  } catch {
    // A dropped connection or a timeout: the caller tells the shopper.
  }
  if (!reader.isCurrent()) source.cancel().catch(() => {});
}
