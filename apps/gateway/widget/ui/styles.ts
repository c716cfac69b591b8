import { STYLES_TIMEOUT_MS } from '../config.js';
import { el } from '../dom.js';

/** Loads widget.css from where the script came from, then shows `root` (styled, or late anyway). */
export function loadStyles(assetBase: string, root: HTMLElement): void {
  const reveal = () => {
    root.hidden = false;
  };
  const href = assetBase + '/widget.css';
  const existing = Array.from(
    document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'),
  ).find((link) => link.href === href);
  if (existing) {
    if (existing.sheet) reveal();
    else existing.addEventListener('load', reveal);
  } else {
    const link = el('link', { rel: 'stylesheet', href, 'data-bsc': 'styles' });
    link.addEventListener('load', reveal);
    link.addEventListener('error', reveal);
    (document.head || document.documentElement).appendChild(link);
  }
  // Never leave the launcher hidden because the stylesheet is slow.
  setTimeout(reveal, STYLES_TIMEOUT_MS);
}
