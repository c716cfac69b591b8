/**
 * A streamed reply shaped as the whole reply's `trim()`, delta by delta, so the text streamed,
 * the text `done` carries and the text stored are the JSON path's text. Models often open with a
 * space (llama.cpp's first token is usually " word") and close with a newline.
 */
export class TrimmedDeltas {
  private started = false;
  private held = '';

  /** What of `delta` may be shown now: leading space dropped, trailing space held back. */
  next(delta: string): string {
    let text = this.held + delta;
    if (!this.started) {
      text = text.trimStart();
      if (!text) return '';
      this.started = true;
    }
    const shown = text.trimEnd();
    // Whitespace at the end is shown only once more text follows it; at the reply's end it goes.
    this.held = text.slice(shown.length);
    return shown;
  }
}
