// Player settings, remembered between visits. A damaged or missing record falls back to the
// defaults without touching anything else; storage that refuses writes just isn't remembered.

export interface Settings {
  reducedMotion: boolean;
  largeText: boolean;
  colorBlind: boolean;
  /** Sound effects and the quiet music bed (nothing plays before the first key or click). */
  sound: boolean;
  /** How loud, 0–100. */
  volume: number;
}

/** The settings that are on/off switches (the rest are numbers). */
export type SwitchSetting = 'reducedMotion' | 'largeText' | 'colorBlind' | 'sound';

export const DEFAULT_VOLUME = 60;

const KEY = 'shells-for-oil.settings.v1';

function defaults(): Settings {
  const prefersReduced =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    reducedMotion: prefersReduced,
    largeText: false,
    colorBlind: false,
    sound: true,
    volume: DEFAULT_VOLUME,
  };
}

/** Reads the stored settings; anything unreadable falls back to the defaults, key by key. */
export function loadSettings(): Settings {
  const base = defaults();
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return base;
    const stored = raw as Record<string, unknown>;
    for (const key of ['reducedMotion', 'largeText', 'colorBlind', 'sound'] as const) {
      if (typeof stored[key] === 'boolean') base[key] = stored[key];
    }
    const volume = stored['volume'];
    if (typeof volume === 'number' && Number.isFinite(volume))
      base.volume = Math.round(Math.min(100, Math.max(0, volume)));
  } catch {
    // unreadable storage or JSON: keep the defaults
  }
  return base;
}

let current: Settings = loadSettings();
const listeners = new Set<(s: Settings) => void>();

export function settings(): Settings {
  return current;
}

export function updateSettings(change: Partial<Settings>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // storage full or disabled: the setting still applies for this visit
  }
  applySettings();
  for (const listener of listeners) listener(current);
}

export function onSettingsChange(listener: (s: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reflects the settings as classes on <html>, which the stylesheet reads. */
export function applySettings(): void {
  const root = document.documentElement.classList;
  root.toggle('reduced-motion', current.reducedMotion);
  root.toggle('large-text', current.largeText);
  root.toggle('cb-palette', current.colorBlind);
}
