// @vitest-environment happy-dom
// The screens' router (src/scenes/router.ts): the HTML screens run before Phaser has loaded, a
// Phaser screen asked for meanwhile waits on the loading screen and starts once the game is up,
// and a screen whose module arrives after the player has moved on is not shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Router = typeof import('../src/scenes/router.ts');

let router: Router;

/** A fresh router (its state is the module's) over a fresh page. */
beforeEach(async () => {
  vi.resetModules();
  document.body.replaceChildren();
  const ui = document.createElement('div');
  ui.id = 'ui';
  document.body.append(ui);
  (await import('../src/ui/root.ts')).createRoot();
  router = await import('../src/scenes/router.ts');
});

/** An HTML screen that shows its key and the data it was started with. */
function screen(r: Router, key: string): { scene: InstanceType<Router['HtmlScene']>; created: unknown[] } {
  const created: unknown[] = [];
  class Screen extends r.HtmlScene {
    create(data?: object): void {
      created.push(data);
      const main = document.createElement('main');
      main.className = `screen-${key}`;
      document.getElementById('ui')!.replaceChildren(main);
    }
  }
  return { scene: new Screen(key), created };
}

const shown = () => document.querySelector('#ui > *')?.className ?? '';

describe('the screens router', () => {
  it('starts an HTML screen at once, and another one ends the first', () => {
    const title = screen(router, 'Title');
    const briefing = screen(router, 'Briefing');
    router.registerHtmlScene('Title', title.scene);
    router.registerHtmlScene('Briefing', briefing.scene);
    router.startScene('Title');
    expect(shown()).toBe('screen-Title');
    expect(title.scene.scene.isActive()).toBe(true);
    title.scene.scene.start('Briefing', { from: 'title' });
    expect(shown()).toBe('screen-Briefing');
    expect(briefing.created).toEqual([{ from: 'title' }]);
    expect(title.scene.scene.isActive()).toBe(false);
    expect(briefing.scene.scene.isActive()).toBe(true);
  });

  it('holds a Phaser screen on the loading screen until the game is up, then starts it with its data', () => {
    const title = screen(router, 'Title');
    router.registerHtmlScene('Title', title.scene);
    router.startScene('Title');
    title.scene.scene.start('Play', { turn: 1 });
    expect(shown()).toContain('loading-page');
    expect(document.querySelector('#ui progress')?.getAttribute('aria-label')).toBe('Loading');
    expect(title.scene.scene.isActive()).toBe(false);
    router.reportLoading(0.5);
    expect(document.querySelector('#ui progress')?.getAttribute('value')).toBe('50');
    const started: unknown[] = [];
    router.attachGame({ start: (key, data) => started.push([key, data]), add: () => {} });
    expect(started).toEqual([['Play', { turn: 1 }]]);
    // from then on, at once
    router.startScene('Replay');
    expect(started).toEqual([
      ['Play', { turn: 1 }],
      ['Replay', undefined],
    ]);
  });

  it('asks for the game to boot when a Phaser screen is wanted before it is up, and not for an HTML one', () => {
    const title = screen(router, 'Title');
    router.registerHtmlScene('Title', title.scene);
    const wanted: string[] = [];
    router.onGameWanted(() => wanted.push(shown()));
    router.startScene('Title');
    expect(wanted).toEqual([]);
    title.scene.scene.start('Replay', { link: true });
    // asked once the loading screen shows, so the player sees it while Phaser runs
    expect(wanted).toEqual(['page loading-page']);
    router.attachGame({ start: () => {}, add: () => {} });
    router.startScene('Play');
    expect(wanted).toHaveLength(1);
  });

  it('forgets a Phaser screen the player left before the game was up', () => {
    const title = screen(router, 'Title');
    router.registerHtmlScene('Title', title.scene);
    router.startScene('Play');
    router.startScene('Title');
    const started: unknown[] = [];
    router.attachGame({ start: (key) => started.push(key), add: () => {} });
    expect(started).toEqual([]);
    expect(shown()).toBe('screen-Title');
  });

  it('hands the game to those waiting for it, once it is up, and boots it for them', async () => {
    const wanted: number[] = [];
    router.onGameWanted(() => wanted.push(1));
    const waited = router.whenGame();
    expect(wanted).toHaveLength(1);
    const side = { start: () => {}, add: () => {} };
    router.attachGame(side);
    await expect(waited).resolves.toBe(side);
    await expect(router.whenGame()).resolves.toBe(side);
  });

  it('does not show a screen whose module arrives after another screen was started', async () => {
    const title = screen(router, 'Title');
    const briefing = screen(router, 'Briefing');
    const arrival: { resolve?: (scene: InstanceType<Router['HtmlScene']>) => void } = {};
    router.registerHtmlScene('Title', title.scene);
    router.registerHtmlScene('Briefing', () => new Promise((resolve) => (arrival.resolve = resolve)));
    router.startScene('Briefing');
    router.startScene('Title');
    arrival.resolve!(briefing.scene);
    await Promise.resolve();
    await Promise.resolve();
    expect(briefing.created).toEqual([]);
    expect(shown()).toBe('screen-Title');
    expect(title.scene.scene.isActive()).toBe(true);
  });

  it('calls a listener once, the next time its screen shows', () => {
    const title = screen(router, 'Title');
    router.registerHtmlScene('Title', title.scene);
    let calls = 0;
    router.onceShown('Title', () => calls++);
    router.startScene('Title');
    router.startScene('Title');
    expect(calls).toBe(1);
  });
});
