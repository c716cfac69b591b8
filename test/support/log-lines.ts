/**
 * Keeps a copy of every JSON line the apps (running in this process) write to stdout, still
 * writing them through; returns the function that stops copying.
 */
export function copyJsonLogLines(lines: string[]): () => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l.startsWith('{')),
    );
    return write(chunk, ...rest);
  };
  return () => {
    process.stdout.write = write;
  };
}
