/**
 * Where a citizen was going when the portal sent them to sign in. The login page's own
 * `state.from` is lost today (the signed-in workspace redirects /login to / first), and a
 * citizen then lands on "My dossiers": the portal layout takes them on from there.
 */
const KEY = 'openprovince.portal.returnTo';
const MAX_AGE_MS = 10 * 60_000;

export function rememberReturn(path: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ path, at: Date.now() }));
  } catch {
    // no storage: the citizen lands on "My dossiers", one click away
  }
}

export function forgetReturn(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** The remembered path, once: only a recent one, and only a path inside this site. */
export function takeReturn(): string | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (!raw) return null;
    const { path, at } = JSON.parse(raw) as { path?: unknown; at?: unknown };
    if (typeof path !== 'string' || typeof at !== 'number') return null;
    if (Date.now() - at > MAX_AGE_MS || !path.startsWith('/') || path.startsWith('//')) return null;
    return path;
  } catch {
    return null;
  }
}
