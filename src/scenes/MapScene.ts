import * as Phaser from 'phaser';
import { MAP_CHANGED, MapView } from '../map/MapView.ts';
import { parseMapData } from '../map/mapData.ts';
import { COLOR_BLIND_PALETTE, DEFAULT_PALETTE } from '../map/palette.ts';
import { onSettingsChange, settings } from '../ui/settings.ts';
import { SCENES } from './keys.ts';

type Rect = { x: number; y: number; width: number; height: number };

/**
 * While nothing on the map moves, the game draws this many frames a second instead of 60: the
 * picture is the same, and on a machine without a GPU every frame of the map costs a software
 * render that the computer opponent's worker would otherwise wait for. Anything that changes the
 * map (a layout, tints, a highlight, a shipment, the pointer moving) brings back full speed.
 */
const IDLE_FPS = 4;
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

/** How long the map must have been still before the frame rate drops. */
const IDLE_AFTER_MS = 800;

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
  private throttled = false;
  /** The frame rate while the map moves: no limit, or a lower one when WebGL runs in software. */
  private fullFps = 0;

  constructor() {
    super(SCENES.map);
  }

  create(): void {
    // Other scenes may steer the map (fit, tints) before it exists: it applies them when built.
    mapHost.scene = this;
    if (softwareRendering(this.game)) {
      // without a GPU every frame of the map is drawn by the CPU, which the computer opponent's
      // worker needs too: fewer frames, the same picture
      this.fullFps = SOFTWARE_FPS;
      this.game.loop.setFPSLimit(SOFTWARE_FPS);
    }
    this.events.on(MAP_CHANGED, this.wake, this);
    const onPointer = () => this.wake();
    window.addEventListener('pointermove', onPointer, { passive: true });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      window.removeEventListener('pointermove', onPointer),
    );
    // The title goes up first: painting the map takes a moment (a software-rendered texture can
    // take a few hundred ms), and the player can already choose while it does.
    // (after the next frame is drawn: by then the title scene, started beside this one, is up)
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

  /** Full frame rate again, for a while: something on the map changed or may change. */
  wake(): void {
    this.lastChange = performance.now();
    if (!this.throttled) return;
    this.throttled = false;
    this.game.loop.setFPSLimit(this.fullFps);
  }

  override update(): void {
    // a tween moving (a shipment, a pulse) keeps the full frame rate
    if (this.tweens.getTweens().length > 0) {
      this.wake();
      return;
    }
    if (this.throttled || performance.now() - this.lastChange < IDLE_AFTER_MS) return;
    this.throttled = true;
    this.game.loop.setFPSLimit(IDLE_FPS);
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

/** The running map scene, for the other scenes (its `view` is null until the map is drawn). */
export const mapHost: { scene: MapScene | null } = { scene: null };
