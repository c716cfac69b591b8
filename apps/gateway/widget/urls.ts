/** Where the widget came from and where its API is: the script's origin unless data-api-base says. */
export class Origins {
  constructor(
    readonly assetBase: string,
    readonly apiBase: string,
  ) {}

  /** Read from the widget's own <script> tag (captured while it runs). */
  static fromScript(script: HTMLScriptElement | null): Origins {
    const assetBase = scriptOrigin(script);
    return new Origins(assetBase, apiBaseFrom(script, assetBase));
  }

  api(path: string): string {
    return this.apiBase + path;
  }

  /*
   * A URL from an answer, made absolute against the gateway (its store page is where `/#book-1`
   * lives), or null unless it is http(s) or a plain mailto: address. Nothing else becomes an href.
   */
  resolve(raw: unknown): string | null {
    if (typeof raw !== 'string' || !raw.trim()) return null;
    let url: URL;
    try {
      url = new URL(raw.trim(), this.assetBase + '/');
    } catch {
      return null;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'mailto:' && /^[^\s@<>"'?&]+@[A-Za-z0-9.-]+$/.test(url.pathname)) {
      return 'mailto:' + url.pathname;
    }
    return null;
  }
}

function scriptOrigin(script: HTMLScriptElement | null): string {
  try {
    const origin = new URL(script?.getAttribute('src') ?? '', window.location.href).origin;
    if (origin && origin !== 'null') return origin;
  } catch {
    // fall through to the page origin
  }
  return window.location.origin;
}

function apiBaseFrom(script: HTMLScriptElement | null, origin: string): string {
  const override = script?.getAttribute('data-api-base');
  if (override && override.trim()) {
    try {
      return new URL(override.trim(), window.location.href).href.replace(/\/+$/, '');
    } catch {
      // an unusable override falls back to the script origin
    }
  }
  return origin;
}

// A link to this very page (a book's anchor on the store page) changes only the hash.
export function isThisPage(href: string): boolean {
  try {
    const url = new URL(href);
    const here = window.location;
    return url.origin === here.origin && url.pathname === here.pathname && url.hash !== '';
  } catch {
    return false;
  }
}

/** Links off this site open in a new tab; links on it (and mail) stay. */
export function linkAttrs(href: string): Record<string, string> {
  if (href.startsWith('mailto:') || isThisPage(href)) return { href };
  try {
    if (new URL(href).origin === window.location.origin) return { href };
  } catch {
    // resolve() made it; it parses
  }
  return { href, target: '_blank', rel: 'noopener noreferrer' };
}
