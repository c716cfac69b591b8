import { SESSION_ID_PATTERN, STORAGE_KEY } from './config.js';

// localStorage can throw (privacy modes, blocked storage, sandboxed iframes).
function stored(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && SESSION_ID_PATTERN.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** The conversation's id: a bearer secret, kept in localStorage when the browser allows. */
export class Session {
  id: string | null = stored();

  set(id: string | null): void {
    this.id = id;
    try {
      if (id) window.localStorage.setItem(STORAGE_KEY, id);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // keep the id in memory only
    }
  }

  /** An id the server sent, when it is a valid one. */
  remember(id: unknown): void {
    if (typeof id === 'string' && SESSION_ID_PATTERN.test(id)) this.set(id);
  }
}
