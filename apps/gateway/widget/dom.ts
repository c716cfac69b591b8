/* DOM helpers: text only, never HTML strings. */

export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  children?: Node[],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'className') node.className = String(value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (children) for (const child of children) node.appendChild(child);
  return node;
}

export type Shape = [tag: string, attrs: Record<string, string>];

export function svg(viewBox: string, className: string, shapes: Shape[]): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const root = document.createElementNS(NS, 'svg');
  root.setAttribute('viewBox', viewBox);
  root.setAttribute('class', className);
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute('focusable', 'false');
  for (const [tag, attrs] of shapes) {
    const shape = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
    root.appendChild(shape);
  }
  return root;
}
