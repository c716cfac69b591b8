import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { ContentProblem } from './content.types.js';

/**
 * A YAML mapping read with its line numbers, so every problem names the line it is on. Values are
 * taken out one key at a time; a missing key or one of the wrong type is recorded, not thrown.
 */
export class YamlFields {
  private readonly map: YAMLMap | undefined;
  private readonly counter = new LineCounter();

  /** `firstLine`: the file's line the text starts on (front matter starts after its `---`). */
  constructor(
    private readonly file: string,
    text: string,
    private readonly problems: ContentProblem[],
    private readonly firstLine = 1,
    private readonly what = 'the file',
  ) {
    const doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false });
    for (const e of doc.errors) {
      this.problem(this.lineAt(e.pos[0]), `bad YAML: ${e.message.split('\n')[0]}`);
    }
    if (doc.errors.length > 0) return;
    if (isMap(doc.contents)) this.map = doc.contents;
    else this.problem(this.firstLine, `${what} must be a YAML mapping (key: value lines)`);
  }

  get ok(): boolean {
    return this.map !== undefined;
  }

  problem(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  /** The line a key is on, or the mapping's first line when it is missing. */
  lineOf(key: string): number {
    const pair = this.pair(key);
    return pair ? this.lineOfNode(pair.key as Node) : this.firstLine;
  }

  has(key: string): boolean {
    return this.pair(key) !== undefined;
  }

  string(key: string, required = true): { value: string; line: number } | undefined {
    const node = this.node(key, required);
    if (!node) return undefined;
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      return { value: node.value.trim(), line: this.lineOfNode(node) };
    }
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
      return { value: String(node.value), line: this.lineOfNode(node) };
    }
    this.problem(this.lineOfNode(node), `${key} must be a non-empty text`);
    return undefined;
  }

  strings(key: string, required = true): { value: string[]; line: number } | undefined {
    const node = this.node(key, required);
    if (!node) return undefined;
    const line = this.lineOfNode(node);
    if (!isSeq(node)) {
      this.problem(line, `${key} must be a list of texts`);
      return undefined;
    }
    const value: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
        value.push(item.value.trim());
      } else {
        this.problem(this.lineOfNode(item as Node), `${key}: every item must be a non-empty text`);
        return undefined;
      }
    }
    return { value, line };
  }

  /** A mapping of texts by key (language code -> text). */
  texts(key: string, required = true): { value: Record<string, string>; line: number } | undefined {
    const node = this.node(key, required);
    if (!node) return undefined;
    const line = this.lineOfNode(node);
    if (!isMap(node)) {
      this.problem(line, `${key} must be a mapping of language code to text`);
      return undefined;
    }
    const value: Record<string, string> = {};
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = pair.value;
      if (!(isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '')) {
        this.problem(
          this.lineOfNode((v ?? pair.key) as Node),
          `${key}.${k} must be a non-empty text`,
        );
        return undefined;
      }
      value[k] = v.value.trim();
    }
    return { value, line };
  }

  private node(key: string, required: boolean): Node | undefined {
    if (!this.map) return undefined;
    const pair = this.pair(key);
    const node = pair?.value as Node | null | undefined;
    if (!pair || node === null || node === undefined || (isScalar(node) && node.value === null)) {
      if (required) {
        this.problem(
          pair ? this.lineOfNode(pair.key as Node) : this.firstLine,
          `missing key: ${key}`,
        );
      }
      return undefined;
    }
    return node;
  }

  private pair(key: string) {
    return this.map?.items.find((p) => isScalar(p.key) && p.key.value === key);
  }

  private lineOfNode(node: Node | null | undefined): number {
    return node?.range ? this.lineAt(node.range[0]) : this.firstLine;
  }

  private lineAt(offset: number): number {
    return this.counter.linePos(offset).line + this.firstLine - 1;
  }
}
