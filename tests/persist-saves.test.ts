import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  compactReplay,
  isQuotaError,
  newSaveId,
  SAVE_ID,
  SAVE_PREFIX,
  SaveStore,
  serializeReplay,
  type ReplayFile,
  type SaveEntry,
  type StorageSource,
} from '../src/persist/index.ts';
import {
  FakeStorage,
  LIBRARY,
  MINI,
  replayOf,
  storeWithTwoSaves,
  SUMMIT,
} from './fixtures/replays/support.ts';

const UNAVAILABLE =
  'Saved games are not available: this browser does not let the game use its storage ' +
  '(private browsing, or site data turned off). Nothing was saved or changed.';

function ids(saves: SaveEntry[]): string[] {
  return saves.map((s) => s.id);
}

/**
 * put(id, file) on a store with two saves (made ready by `prepare`): its result, whether the
 * storage is exactly as before, and whether the first save still loads.
 */
function tryPut(id: string, file: ReplayFile, prepare?: (storage: FakeStorage) => void): unknown {
  const { storage, store } = storeWithTwoSaves();
  prepare?.(storage);
  const before = storage.snapshot();
  const result = store.put(id, file);
  return { result, unchanged: storage.snapshot() === before, firstLoads: store.load('first').ok };
}

/** Room for what is there now, not for a longer game. */
function fill(storage: FakeStorage): void {
  storage.quota = storage.snapshot().length;
}

function refuseWrites(storage: FakeStorage): void {
  storage.setItem = () => {
    throw new TypeError('no');
  };
}

describe('the save store', () => {
  it('puts, lists (newest first), loads and removes saves, one key each', () => {
    const storage = new FakeStorage();
    const store = new SaveStore({ storage, library: LIBRARY });
    const older = replayOf(MINI, 1, { moves: 2, savedAt: '2026-11-01T10:00:00.000Z' });
    const newer = replayOf(SUMMIT, 2, { moves: 6, savedAt: '2026-11-02T10:00:00+01:00' });
    expect(store.put('older', older)).toEqual({ ok: true, id: 'older' });
    expect(store.put('newer', newer)).toEqual({ ok: true, id: 'newer' });
    expect([...storage.items.keys()]).toEqual([`${SAVE_PREFIX}older`, `${SAVE_PREFIX}newer`]);
    expect(storage.items.get(`${SAVE_PREFIX}older`)).toBe(compactReplay(older));

    const list = store.list();
    expect(list.ok && ids(list.saves)).toEqual(['newer', 'older']);
    expect(list.ok && list.saves[0]).toEqual({
      id: 'newer',
      scenarioId: 'vostochny-summit',
      scenarioTitle: 'The Vostochny Summit',
      seats: { kim: 'human', putin: 'computer' },
      computer: { putin: { level: 'normal' } },
      mode: 'vs-computer',
      moves: 6,
      turn: newer.outcome.turn,
      phase: 'playing',
      ending: null,
      savedAt: '2026-11-02T10:00:00+01:00',
    });

    const loaded = store.load('newer');
    expect(loaded.ok && loaded.replay).toEqual(newer);
    expect(loaded.ok && loaded.states.at(-1)!.log).toHaveLength(6);

    expect(store.remove('older')).toEqual({ ok: true, removed: true });
    expect(store.remove('older')).toEqual({ ok: true, removed: false });
    const after = store.list();
    expect(after.ok && ids(after.saves)).toEqual(['newer']);
  });

  it('replaces a save under the same id', () => {
    const { storage, store } = storeWithTwoSaves();
    const later = replayOf(MINI, 9, { savedAt: '2027-01-01T00:00:00.000Z' });
    expect(store.put('first', later).ok).toBe(true);
    expect(storage.items.get(`${SAVE_PREFIX}first`)).toBe(compactReplay(later));
    const list = store.list();
    expect(list.ok && ids(list.saves)).toEqual(['first', 'second']);
  });

  it('lists a corrupt or foreign entry as damaged, can remove it, and leaves the others alone', () => {
    const { storage, store } = storeWithTwoSaves();
    storage.items.set(`${SAVE_PREFIX}broken`, '{"format": "shells-for-oil-replay", "vers');
    storage.items.set(`${SAVE_PREFIX}Foreign Key!`, '{"hello": "world"}');
    storage.items.set(
      `${SAVE_PREFIX}old`,
      serializeReplay({ ...replayOf(MINI, 3), scenario: { id: 'mini', hash: '0000000000000000' } }),
    );
    const list = store.list();
    if (!list.ok) throw new Error(list.message);
    expect(ids(list.saves)).toEqual(['first', 'second', 'Foreign Key!', 'broken', 'old']);
    const damaged = Object.fromEntries(list.saves.map((s) => [s.id, s.damaged]));
    expect(damaged).toEqual({
      first: undefined,
      second: undefined,
      broken:
        'This file is not a replay: it is not valid JSON (the text ends too early at line 1, column 42).',
      'Foreign Key!':
        'This file is not a Shells for Oil replay: it is JSON, but without the mark "format": "shells-for-oil-replay".',
      old: expect.stringMatching(
        /^This replay was made with a different version of the scenario "Mini deal"/,
      ),
    });
    // one save read alone is described as the list describes it
    for (const save of list.saves) expect(store.entry(save.id)).toEqual(save);
    expect(store.entry('not-there')).toBeNull();
    expect(store.load('broken')).toMatchObject({ ok: false, code: 'not-json' });
    expect(store.load('first').ok).toBe(true);
    for (const id of ['broken', 'Foreign Key!', 'old'])
      expect(store.remove(id)).toEqual({ ok: true, removed: true });
    const after = store.list();
    expect(after.ok && ids(after.saves)).toEqual(['first', 'second']);
    expect(storage.items.get('other.app')).toBe('not ours');
  });

  it('lists saves without loading their scenarios, and loads one once its scenario is at hand', () => {
    const { storage } = storeWithTwoSaves();
    const store = new SaveStore({
      storage,
      library: { scenarios: LIBRARY.scenarios, loaded: () => undefined },
    });
    const list = store.list();
    expect(list.ok && list.saves.map((s) => [s.id, s.damaged, s.damaged ?? s.scenarioTitle])).toEqual([
      ['first', undefined, 'Mini deal'],
      ['second', undefined, 'Mini deal'],
    ]);
    expect(store.load('first')).toMatchObject({ ok: false, code: 'scenario-not-loaded' });
  });

  it('says when a save is not there', () => {
    const { store } = storeWithTwoSaves();
    expect(store.load('third')).toEqual({
      ok: false,
      code: 'not-found',
      message: 'There is no saved game "third".',
    });
  });

  it('refuses an id that is not lowercase letters, digits and dashes, writing nothing', () => {
    const message = 'A save id is 1 to 64 lowercase letters, digits and dashes, not "../x".';
    expect(tryPut('../x', replayOf(MINI, 1))).toEqual({
      result: { ok: false, code: 'bad-id', message },
      unchanged: true,
      firstLoads: true,
    });
  });

  it('never writes a replay that would not load back', () => {
    const { storage, store } = storeWithTwoSaves();
    const before = storage.snapshot();
    const file = replayOf(MINI, 1);
    const edited = { ...file, outcome: { ...file.outcome, turn: 1 } };
    expect(store.put('first', edited)).toMatchObject({ ok: false, code: 'outcome-mismatch' });
    expect(store.put('first', { ...file, setup: undefined } as never)).toMatchObject({ ok: false });
    expect(storage.snapshot()).toBe(before);
  });

  it('records the game’s own replay as it is, and checks it, moves and all, when it is opened', () => {
    const { storage, store } = storeWithTwoSaves();
    const file = replayOf(MINI, 3);
    expect(store.record('third', file)).toEqual({ ok: true, id: 'third' });
    expect(storage.items.get(`${SAVE_PREFIX}third`)).toBe(compactReplay(file));
    const loaded = store.load('third');
    expect(loaded.ok && loaded.replay).toEqual(file);
    // a move that is not the scenario's: the list (which only counts the moves) still shows the
    // save, and opening it says what is wrong; no other save is touched
    const bad = { ...file, log: file.log.map((m, i) => (i === 0 ? { ...m, option: 'nope' } : m)) };
    expect(store.record('third', bad).ok).toBe(true);
    const list = store.list();
    expect(list.ok && list.saves.find((s) => s.id === 'third')).toMatchObject({ moves: file.log.length });
    expect(store.load('third')).toMatchObject({ ok: false });
    expect(store.load('first').ok).toBe(true);
    expect(store.record('bad id!', file)).toMatchObject({ ok: false, code: 'bad-id' });
  });

  it('imports good replay text, and leaves everything as it was for bad text', () => {
    const { storage, store } = storeWithTwoSaves();
    const before = storage.snapshot();
    expect(store.importText('third', '{"format": 1}')).toMatchObject({ ok: false, code: 'wrong-format' });
    expect(store.importText('third', 17)).toMatchObject({ ok: false, code: 'not-text' });
    expect(storage.snapshot()).toBe(before);
    const file = replayOf(SUMMIT, 4);
    const imported = store.importText('third', serializeReplay(file));
    expect(imported.ok && imported.loaded.replay).toEqual(file);
    expect(storage.items.get(`${SAVE_PREFIX}third`)).toBe(compactReplay(file));
  });
});

describe('a full store', () => {
  const QUOTA =
    "There is no room left in this browser's storage for this save. Delete an old save and try again; the save that was there before is unchanged.";

  it('refuses the write with a clear message and keeps the previous version of that save', () => {
    const longer = replayOf(SUMMIT, 3);
    const refused = {
      result: { ok: false, code: 'quota', message: QUOTA },
      unchanged: true,
      firstLoads: true,
    };
    expect(tryPut('first', longer, fill)).toEqual(refused);
    expect(tryPut('third', longer, fill)).toEqual(refused);
  });

  it('recognises every browser spelling of "full"', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError({ code: 1014 })).toBe(true);
    expect(isQuotaError(new Error('nope'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const hostile = {
      get name(): string {
        throw new Error('gotcha');
      },
    };
    expect(isQuotaError(hostile)).toBe(false);
  });

  it('reports any other refusal as a failed write, again keeping the old save', () => {
    const message = 'The browser refused to store this save; the save that was there before is unchanged.';
    expect(tryPut('first', replayOf(MINI, 7), refuseWrites)).toEqual({
      result: { ok: false, code: 'write-failed', message },
      unchanged: true,
      firstLoads: true,
    });
  });
});

describe('storage that is not there', () => {
  const blocked = new FakeStorage();
  blocked.broken = new DOMException('The operation is insecure.', 'SecurityError');
  const sources: [string, StorageSource][] = [
    ['null', null],
    ['undefined', undefined],
    ['a getter that returns null', () => null],
    [
      'a getter that throws SecurityError',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    ],
    ['a storage whose every call throws', blocked],
  ];

  it.each(sources)('%s: every call returns the same clear message and none throws', (_name, storage) => {
    const store = new SaveStore({ storage, library: LIBRARY });
    const unavailable = { ok: false, code: 'unavailable', message: UNAVAILABLE };
    expect(store.list()).toEqual(unavailable);
    expect(store.load('first')).toEqual(unavailable);
    expect(store.put('first', replayOf(MINI, 1))).toEqual(unavailable);
    expect(store.importText('first', serializeReplay(replayOf(MINI, 1)))).toEqual(unavailable);
    expect(store.remove('first')).toEqual(unavailable);
  });
});

describe('a real Storage (happy-dom localStorage)', () => {
  it('works as the store expects', () => {
    const window = new Window();
    const store = new SaveStore({ storage: () => window.localStorage, library: LIBRARY });
    const file = replayOf(MINI, 2);
    expect(store.put('game-1', file).ok).toBe(true);
    const loaded = store.load('game-1');
    expect(loaded.ok && loaded.replay).toEqual(file);
    const list = store.list();
    expect(list.ok && ids(list.saves)).toEqual(['game-1']);
    void window.happyDOM.close();
  });
});

describe('save ids', () => {
  it('come from the caller’s entropy and date, with no clock and no Math.random', () => {
    const id = newSaveId(123456789, '2026-11-27T21:10:00.000Z');
    expect(id).toBe(newSaveId(123456789, '2026-11-27T21:10:00.000Z'));
    expect(id).toMatch(SAVE_ID);
    expect(newSaveId(123456790, '2026-11-27T21:10:00.000Z')).not.toBe(id);
    expect(newSaveId(123456789, '2026-11-27T21:10:00.001Z')).not.toBe(id);
    expect(newSaveId(0xffffffff, '2099-12-31T23:59:59.999Z')).toMatch(SAVE_ID);
    expect(() => newSaveId(-1, '2026-11-27T21:10:00.000Z')).toThrow(RangeError);
    expect(() => newSaveId(1, 'soon')).toThrow(RangeError);
  });
});
