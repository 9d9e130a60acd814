import * as Phaser from 'phaser';
import { MAP_CHANGED, MapView } from '../map/MapView.ts';
import { parseMapData } from '../map/mapData.ts';
import { COLOR_BLIND_PALETTE, DEFAULT_PALETTE } from '../map/palette.ts';
import { onSettingsChange, settings } from '../ui/settings.ts';
import { SCENES } from './keys.ts';
import { mapHost } from './mapHost.ts';

export { mapHost };

type Rect = { x: number; y: number; width: number; height: number };

/** The frame rate cap when WebGL is drawn by the CPU (SwiftShader, say): a software frame of the map costs tens of ms. */
const SOFTWARE_FPS = 15;

/** True when the browser draws WebGL in software (no GPU). */
function softwareRendering(game: Phaser.Game): boolean {
  const gl = (game.renderer as { gl?: WebGLRenderingContext }).gl;
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|software/i.test(name);
}

/**
 * How long everything must have been still before Phaser's loop goes to sleep. While it sleeps the
 * game draws nothing at all (the picture on the canvas stays as it is), so an idle play screen
 * costs no CPU; anything that may change the map (a layout, tints, a highlight, a shipment, the
 * pointer moving, the window resized, a key, a scene started, a timer set) wakes it first.
 */
const IDLE_AFTER_MS = 800;

/** The events of the page that wake the loop: the pointer (hover), a key, a resize (Phaser's scale manager checks the size each step). */
const WAKING_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'resize'] as const;

/**
 * The map lives for the whole page, under every other scene: the title and debrief show it as a
 * backdrop, the play screen fits it into its map cell. Other scenes steer it through `mapHost`.
 */
export class MapScene extends Phaser.Scene {
  view: MapView | null = null;
  private rect: Rect | null = null;
  private tints: Record<string, number | null> = {};
  private readonly hoverListeners = new Set<(id: string | null) => void>();
  private lastChange = 0;
  /** The timers set in any scene, with their scene, until they have run (or their scene stopped). */
  private readonly timers = new Map<Phaser.Time.TimerEvent, Phaser.Scene>();

  constructor() {
    super(SCENES.map);
  }

  create(): void {
    // Other scenes may steer the map (fit, tints) before it exists: it applies them when built.
    mapHost.scene = this;
    if (softwareRendering(this.game)) {
      // without a GPU every frame of the map is drawn by the CPU, which the computer opponent's
      // worker needs too: fewer frames, the same picture
      this.game.loop.setFPSLimit(SOFTWARE_FPS);
    }
    this.events.on(MAP_CHANGED, this.wake, this);
    const onEvent = () => this.wake();
    for (const name of WAKING_EVENTS) window.addEventListener(name, onEvent, { passive: true });
    // a timer set in any scene (the computer's pause after the player's move, say) needs the loop
    // (a scene not started yet may have no clock)
    const unwrap = this.game.scene.scenes.flatMap((scene) => {
      const clock = scene.time as Phaser.Time.Clock | undefined;
      if (!clock) return [];
      const addEvent = clock.addEvent;
      clock.addEvent = (config: Phaser.Types.Time.TimerEventConfig | Phaser.Time.TimerEvent) => {
        this.wake();
        const timer = addEvent.call(clock, config);
        this.timers.set(timer, scene);
        return timer;
      };
      return [
        () => {
          clock.addEvent = addEvent;
        },
      ];
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const name of WAKING_EVENTS) window.removeEventListener(name, onEvent);
      for (const undo of unwrap) undo();
    });
    // Painting the map takes a moment (a software-rendered texture can take a few hundred ms):
    // after the next frame, so that a screen started beside this scene is drawn first.
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => requestAnimationFrame(() => this.build()));
  }

  private build(): void {
    const data = parseMapData(this.cache.json.get('map'));
    if (typeof data === 'string') {
      console.warn(`map unavailable: ${data}`);
      return;
    }
    this.view = new MapView(this, data);
    this.view.onHover((id) => {
      for (const listener of this.hoverListeners) listener(id);
    });
    this.relayout();
    this.applyTints();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    const off = onSettingsChange(() => this.applyTints());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      this.scale.off(Phaser.Scale.Events.RESIZE, this.relayout, this);
    });
  }

  /** The loop awake again, for a while: something on the map changed or may change. */
  wake(): void {
    this.lastChange = performance.now();
    this.game.loop.wake();
  }

  override update(): void {
    // a tween moving (a shipment, a pulse) or a timer waiting keeps the loop awake
    if (
      this.game.scene.getScenes(true).some((scene) => scene.tweens.getTweens().length > 0) ||
      this.timerWaiting()
    ) {
      this.lastChange = performance.now();
      return;
    }
    if (performance.now() - this.lastChange < IDLE_AFTER_MS) return;
    // after this frame is drawn: the canvas keeps showing it
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      if (performance.now() - this.lastChange >= IDLE_AFTER_MS) this.game.loop.sleep();
    });
  }

  /** True while a timer of a running scene has yet to run (the computer's pause, a countdown, a replay playing). */
  private timerWaiting(): boolean {
    for (const [timer, scene] of this.timers) {
      if (timer.hasDispatched || !scene.sys.isActive()) this.timers.delete(timer);
    }
    return this.timers.size > 0;
  }

  /** Calls `listener` with the state under the pointer (null off the map); returns an unsubscribe. */
  onHover(listener: (id: string | null) => void): () => void {
    this.hoverListeners.add(listener);
    return () => this.hoverListeners.delete(listener);
  }

  /** Fits the map into `rect` (page pixels), or the whole window when null. */
  fit(rect: Rect | null): void {
    this.wake();
    this.rect = rect;
    this.relayout();
  }

  setTints(values: Record<string, number | null>): void {
    this.wake();
    this.tints = values;
    this.applyTints();
  }

  private applyTints(): void {
    // (a setting changed, the colour-blind palette say, may come while the loop sleeps)
    this.wake();
    this.view?.setTints(this.tints, settings().colorBlind ? COLOR_BLIND_PALETTE : DEFAULT_PALETTE);
  }

  private relayout(): void {
    const r = this.rect ?? { x: 0, y: 0, width: this.scale.width, height: this.scale.height };
    if (!this.view) return;
    this.view.layout(r.x, r.y, r.width, r.height);
    // Once the new layout is on screen, the canvas says where the map is: the browser tests wait
    // for it rather than guessing how long a software-rendered frame takes.
    const area = [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      this.game.canvas.dataset.mapArea = area;
    });
  }
}
