// The part of the Web Storage API the save store uses, so that the page passes localStorage and
// tests a fake. Browsers differ in how they fail: reading `window.localStorage` itself throws a
// SecurityError when site data is blocked, and a full store throws on setItem under several names.

export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The storage, or a function that returns it (called on every use, inside a try, so that
 * `() => window.localStorage` is safe where merely reading it throws). Null: no storage at all.
 */
export type StorageSource = StorageLike | null | undefined | (() => StorageLike | null | undefined);

/** Whether `error` is a browser's "storage is full" error. */
export function isQuotaError(error: unknown): boolean {
  try {
    if (typeof error !== 'object' || error === null) return false;
    const { name, code } = error as { name?: unknown; code?: unknown };
    // 22: QUOTA_EXCEEDED_ERR in most browsers; 1014 and its name: older Firefox
    return (
      name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
    );
  } catch {
    return false;
  }
}

/** The storage behind `source`, or null if there is none or it cannot be reached. Never throws. */
export function openStorage(source: StorageSource): StorageLike | null {
  try {
    const storage = typeof source === 'function' ? source() : source;
    if (!storage) return null;
    void storage.length; // some browsers only throw once the store is touched
    return storage;
  } catch {
    return null;
  }
}
