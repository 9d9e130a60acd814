// Draws the map (assets/map.json) inside any Phaser scene: states tinted by a value, places with
// labels, rail and sea routes, the inset of the front in Ukraine, and shipments moving along the
// routes. It draws what it is told and holds no game rules.
//
// The static layers (sea, land, borders, routes, markers) are painted with the 2D canvas API into
// one canvas texture, shown as a single Image: it costs one textured quad a frame however detailed
// the coastline, and the canvas gives anti-aliased edges and dashed lines. It is repainted only when
// the layout, the tints or the highlight change. The labels are painted into it too (canvas text,
// sized for the layout): with more textures in the batch the big quad would take the multi-texture
// shader, which costs dearly with software WebGL. Shipments and the idle pulses are Graphics, Shapes
// and Text moved by tweens.
import * as Phaser from 'phaser';
import { pointInRing } from './geometry.ts';
import type { MapData, MapPlace, MapRoute } from './mapData.ts';
import { cssColor, DEFAULT_PALETTE, mixColor, tintColor, type MapPalette } from './palette.ts';

/** Emitted on the scene's events whenever the view changes what it draws (see MapScene's frame rate). */
export const MAP_CHANGED = 'map-changed';

const LINE_HEIGHT = 1.22;
const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';
const RAIL_COLOR = 0xe2c27d;
const SEA_ROUTE_COLOR = 0x8fd3ff;
const FRONT_COLOR = 0xff6b57;
const SITE_COLOR = 0xffc857;
const CRATE_COLOR = 0xc9955a;

export type ShipmentGlyph = 'train' | 'ship' | 'crate';

export interface ShipmentOptions {
  /** A short text shown beside the moving marker. */
  label?: string;
  /** Travel from the route's end to its start. */
  reverse?: boolean;
  /** No movement: the marker appears at the destination and fades. */
  reducedMotion: boolean;
  /** The glyph; by default a train on rail routes and a ship on sea routes. */
  glyph?: ShipmentGlyph;
}

export type HoverCallback = (id: string | null) => void;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Frame pixels to game pixels: screen = offset + scale × frame. */
interface Transform {
  x: number;
  y: number;
  s: number;
}

interface Shape {
  id: string;
  name: string;
  rings: number[][];
  label: [number, number];
  /** Bounding box of all rings, in frame pixels (for hit tests). */
  bounds: Box;
  /** Open polylines, frame edges left out: the coast, the land borders this state draws, and its whole outline. */
  coast: number[][];
  borders: number[][];
  outline: number[][];
}

interface Shipment {
  container: Phaser.GameObjects.Container;
  glyph: Phaser.GameObjects.Graphics;
  label: Phaser.GameObjects.Text | null;
  /** Whether the label fades in and out with the journey (it stays put with reduced motion). */
  fadeLabel: boolean;
  /** Glyph scale (1 at a 14 px font). */
  u: number;
  /** With reduced motion: the slot above the destination (0 nearest), so that arrivals do not cover each other. */
  slot: number;
  points: number[];
  /** The route's length in frame pixels. */
  length: number;
  progress: number;
  tweens: Phaser.Tweens.Tween[];
  resolve: () => void;
}

/** A label painted into the map's texture; x, y is its top-left corner in game pixels. */
interface Label {
  lines: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  size: number;
  bold: boolean;
  spacing: number;
  align: 'left' | 'center';
  halo: number;
  /** Its colour, worked out when painting (it depends on the palette and the tints). */
  color: () => string;
}

interface Layer {
  width: number;
  height: number;
  shapes: Shape[];
  places: MapPlace[];
}

let textureSerial = 0;

export class MapView {
  /** Everything the map draws is in this container: set its depth to put the map under or over other things. */
  readonly root: Phaser.GameObjects.Container;

  private readonly scene: Phaser.Scene;
  private readonly data: MapData;
  private readonly main: Layer;
  private readonly inset: Layer;
  private readonly textureKey: string;
  private readonly texture: Phaser.Textures.CanvasTexture;
  private readonly image: Phaser.GameObjects.Image;
  private labels: Label[] = [];
  private readonly pulses: Phaser.GameObjects.Arc[] = [];
  private idleTweens: Phaser.Tweens.Tween[] = [];
  private readonly shipments = new Set<Shipment>();
  private readonly hoverCallbacks = new Set<HoverCallback>();
  private hovered: string | null = null;
  private highlighted: string | null = null;
  private values: Partial<Record<string, number | null>> = {};
  private palette: MapPalette = DEFAULT_PALETTE;
  private idle = false;
  private destroyed = false;

  // Layout results (game pixels).
  private area: Box = { x: 0, y: 0, w: 0, h: 0 };
  private canvasOrigin = { x: 0, y: 0 };
  private canvasSize = { w: 1, h: 1 };
  private mainT: Transform = { x: 0, y: 0, s: 1 };
  private insetT: Transform = { x: 0, y: 0, s: 1 };
  private insetPanel: Box = { x: 0, y: 0, w: 0, h: 0 };
  private fontSize = 14;

  constructor(scene: Phaser.Scene, data: MapData) {
    this.scene = scene;
    this.data = data;
    this.main = {
      width: data.width,
      height: data.height,
      shapes: buildShapes(data.states, data),
      places: data.places,
    };
    this.inset = {
      width: data.inset.width,
      height: data.inset.height,
      shapes: buildShapes(data.inset.states, data.inset),
      places: data.inset.places,
    };

    this.textureKey = `__mapview_${++textureSerial}`;
    const texture = scene.textures.createCanvas(this.textureKey, 16, 16);
    if (!texture) throw new Error(`MapView: cannot create the texture ${this.textureKey}`);
    this.texture = texture;
    this.image = new Phaser.GameObjects.Image(scene, 0, 0, this.textureKey).setOrigin(0, 0);

    // Only the canvas image lives in the container at first; pulses and shipments join it later.
    // Labels are painted into the same texture rather than made Text objects: one texture keeps the
    // whole static map a single draw with the single-texture shader, which matters with software WebGL.
    this.root = scene.add.container(0, 0, [this.image]);

    scene.input.on(Phaser.Input.Events.POINTER_MOVE, this.handlePointerMove, this);
    scene.input.on(Phaser.Input.Events.GAME_OUT, this.handlePointerOut, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    scene.events.once(Phaser.Scenes.Events.DESTROY, this.destroy, this);

    this.layout(0, 0, scene.scale.width, scene.scale.height);
  }

  /** Fits the map (and the inset: top right beside it when there is room, else over its lower-left corner) into the rectangle. */
  layout(x: number, y: number, width: number, height: number): void {
    if (this.destroyed) return;
    const w = Math.max(1, Math.floor(width));
    const h = Math.max(1, Math.floor(height));
    this.area = { x: Math.round(x), y: Math.round(y), w, h };

    const W = this.main.width;
    const H = this.main.height;
    const gap = 12;
    const insetAspect = this.inset.height / this.inset.width;
    // Beside: the map's full height if the inset fits in the width left over.
    const sBeside = Math.min(h / H, w / W);
    const insetBesideW = Math.min(300, Math.max(170, W * sBeside * 0.3));
    const sWithInset = Math.min(h / H, (w - gap - insetBesideW) / W);
    const beside = sWithInset >= sBeside * 0.97 && w - W * sWithInset - gap >= 170;

    const s = beside ? sWithInset : sBeside;
    const mapW = W * s;
    const mapH = H * s;
    this.fontSize = clamp(Math.round(mapH * 0.021), 13, 18);

    let mapX: number;
    let insetW: number;
    if (beside) {
      const spare = w - mapW - gap;
      insetW = Math.min(300 * Math.max(1, s), spare, mapH / insetAspect / 1.6);
      insetW = Math.max(insetW, Math.min(spare, 170));
      mapX = this.area.x + Math.round((w - mapW - gap - insetW) / 2);
    } else {
      insetW = clamp(mapW * 0.26, Math.min(120, mapW * 0.4), 280);
      mapX = this.area.x + Math.round((w - mapW) / 2);
    }
    const mapY = this.area.y + Math.round((h - mapH) / 2);
    this.mainT = { x: mapX, y: mapY, s };

    const insetS = insetW / this.inset.width;
    const panelW = insetW;
    // The title wraps to the panel's width (a narrow inset gets two lines).
    const titleLines = this.wrap(this.data.inset.title, this.smallSize(), true, Math.max(40, panelW - 16));
    const titleH = Math.round(
      Math.max(this.fontSize * 1.9, titleLines.length * this.smallSize() * LINE_HEIGHT + this.fontSize * 0.7),
    );
    const panelH = this.inset.height * insetS + titleH;
    const panelX = beside ? mapX + mapW + gap : mapX + 8;
    const panelY = beside ? mapY : mapY + mapH - panelH - 8;
    this.insetPanel = { x: panelX, y: panelY, w: panelW, h: panelH };
    this.insetT = { x: panelX, y: panelY + titleH, s: insetS };

    // The canvas covers the map and the inset (with room for the panel's shadow), not the whole
    // rectangle: transparent pixels cost as much to draw each frame as opaque ones.
    const left = Math.max(this.area.x, Math.floor(Math.min(mapX, panelX) - 16));
    const top = Math.max(this.area.y, Math.floor(Math.min(mapY, panelY) - 16));
    const right = Math.min(this.area.x + w, Math.ceil(Math.max(mapX + mapW, panelX + panelW) + 16));
    const bottom = Math.min(this.area.y + h, Math.ceil(Math.max(mapY + mapH, panelY + panelH) + 16));
    this.canvasOrigin = { x: left, y: top };
    this.canvasSize = { w: Math.max(1, right - left), h: Math.max(1, bottom - top) };
    this.texture.setSize(this.canvasSize.w, this.canvasSize.h);
    this.image.setTexture(this.textureKey);
    this.image.setPosition(this.canvasOrigin.x, this.canvasOrigin.y);
    this.placeLabels(titleLines);
    this.paint();
    this.placePulses();
    for (const shipment of this.shipments) this.moveShipment(shipment);
  }

  /**
   * Tints each state by its value (0..1, low → high in the palette; null or absent = neutral) and
   * recolours the whole map with the palette. Keys are state ids ('russia' tints the inset's Russia too).
   */
  setTints(values: Partial<Record<string, number | null>>, palette: MapPalette): void {
    if (this.destroyed) return;
    this.values = { ...values };
    this.palette = palette;
    this.paint();
  }

  /** Outlines one state (e.g. while an HTML element standing for it has focus); null removes it. */
  highlightState(id: string | null): void {
    this.scene.events.emit(MAP_CHANGED);
    if (this.destroyed || id === this.highlighted) return;
    this.highlighted = id;
    this.paint();
  }

  /** Calls `cb` with the id of the state under the pointer whenever it changes (null: sea, inset, outside). Returns an unsubscribe function. */
  onHover(cb: HoverCallback): () => void {
    this.hoverCallbacks.add(cb);
    return () => this.hoverCallbacks.delete(cb);
  }

  /**
   * Where a state's label sits, in CSS pixels from the canvas's top-left corner (equal to game
   * pixels under Phaser.Scale.RESIZE with an unzoomed camera): place an HTML tooltip there.
   */
  statePosition(id: string): { x: number; y: number } {
    let point: { x: number; y: number } | null = null;
    const mainShape = this.main.shapes.find((s) => s.id === id);
    if (mainShape) point = this.toScreen(this.mainT, mainShape.label[0], mainShape.label[1]);
    const insetShape = mainShape ? undefined : this.inset.shapes.find((s) => s.id === id);
    if (insetShape) point = this.toScreen(this.insetT, insetShape.label[0], insetShape.label[1]);
    if (!point) throw new Error(`MapView.statePosition: no state '${id}'`);
    const cam = this.scene.cameras.main;
    const display = this.scene.scale.displayScale;
    return {
      x: ((point.x - cam.scrollX) * cam.zoom) / (display.x || 1),
      y: ((point.y - cam.scrollY) * cam.zoom) / (display.y || 1),
    };
  }

  /** Sends a marker along a route; resolves when it has arrived and faded (or when the view is destroyed). */
  sendShipment(routeId: string, opts: ShipmentOptions): Promise<void> {
    this.scene.events.emit(MAP_CHANGED);
    const route = this.data.routes.find((r) => r.id === routeId);
    if (this.destroyed) return Promise.resolve();
    if (!route) return Promise.reject(new Error(`MapView.sendShipment: no route '${routeId}'`));
    const points = opts.reverse ? reversePoints(route.points) : route.points;
    return new Promise<void>((resolve) => {
      const glyph = new Phaser.GameObjects.Graphics(this.scene);
      const children: Phaser.GameObjects.GameObject[] = [glyph];
      const u = this.fontSize / 14;
      drawGlyph(glyph, opts.glyph ?? (route.kind === 'sea' ? 'ship' : 'train'), route, u, this.palette);
      let label: Phaser.GameObjects.Text | null = null;
      if (opts.label) {
        label = new Phaser.GameObjects.Text(this.scene, 14 * u, 0, opts.label, {
          fontFamily: FONT,
          fontSize: `${Math.max(12, this.fontSize - 1)}px`,
          color: cssColor(this.palette.text),
          stroke: cssColor(this.palette.sea),
          strokeThickness: 4,
        }).setOrigin(0, 0.5);
        children.push(label);
      }
      const container = new Phaser.GameObjects.Container(this.scene, 0, 0, children);
      this.root.add(container);
      const end = `${points.at(-2)},${points.at(-1)}`;
      const taken = new Set(
        [...this.shipments]
          .filter((o) => !o.fadeLabel && `${o.points.at(-2)},${o.points.at(-1)}` === end)
          .map((o) => o.slot),
      );
      let slot = 0;
      while (taken.has(slot)) slot++;
      const shipment: Shipment = {
        container,
        glyph,
        label,
        fadeLabel: !opts.reducedMotion,
        u,
        slot,
        points,
        length: polylineLength(points),
        progress: 0,
        tweens: [],
        resolve: () => {},
      };
      shipment.resolve = () => {
        if (!this.shipments.delete(shipment)) return;
        for (const t of shipment.tweens) t.remove();
        container.destroy();
        resolve();
      };
      this.shipments.add(shipment);

      const fadeOut = (delay: number) =>
        this.scene.tweens.add({
          targets: container,
          alpha: 0,
          delay,
          duration: 450,
          onComplete: () => shipment.resolve(),
        });

      if (opts.reducedMotion) {
        shipment.progress = 1;
        this.moveShipment(shipment);
        container.setAlpha(0);
        shipment.tweens.push(
          this.scene.tweens.add({
            targets: container,
            alpha: 1,
            duration: 150,
            onComplete: () => shipment.tweens.push(fadeOut(1100)),
          }),
        );
        return;
      }
      const length = shipment.length * this.mainT.s;
      const duration = clamp((length / 170) * 1000, 1800, 4500);
      this.moveShipment(shipment);
      shipment.tweens.push(
        this.scene.tweens.addCounter({
          from: 0,
          to: 1,
          duration,
          ease: 'Sine.easeInOut',
          onUpdate: (tween) => {
            shipment.progress = tween.getValue() ?? 0;
            this.moveShipment(shipment);
          },
          onComplete: () => shipment.tweens.push(fadeOut(150)),
        }),
      );
    });
  }

  /** A gentle idle animation: the place markers pulse. */
  animateIdle(on: boolean): void {
    this.scene.events.emit(MAP_CHANGED);
    if (this.destroyed || on === this.idle) return;
    this.idle = on;
    for (const t of this.idleTweens) t.remove();
    this.idleTweens = [];
    for (const p of this.pulses) p.destroy();
    this.pulses.length = 0;
    if (!on) return;
    this.main.places.forEach((place, i) => {
      const ring = new Phaser.GameObjects.Arc(this.scene, 0, 0, 6, 0, 360, false);
      ring.setStrokeStyle(1.5, placeColor(place, this.palette), 0.9);
      this.root.addAt(ring, 1);
      this.pulses.push(ring);
      this.idleTweens.push(
        this.scene.tweens.add({
          targets: ring,
          scale: { from: 0.8, to: 2.6 },
          alpha: { from: 0.9, to: 0 },
          duration: 2200,
          delay: (i * 270) % 2200,
          repeat: -1,
          ease: 'Sine.easeOut',
        }),
      );
    });
    this.placePulses();
  }

  /** Removes everything the map created; pending shipments resolve. Called on scene shutdown too. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.scene.input?.off(Phaser.Input.Events.POINTER_MOVE, this.handlePointerMove, this);
    this.scene.input?.off(Phaser.Input.Events.GAME_OUT, this.handlePointerOut, this);
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    this.scene.events.off(Phaser.Scenes.Events.DESTROY, this.destroy, this);
    for (const t of this.idleTweens) t.remove();
    this.idleTweens = [];
    for (const shipment of this.shipments) shipment.resolve();
    this.hoverCallbacks.clear();
    this.root.destroy();
    if (this.scene.textures.exists(this.textureKey)) this.scene.textures.remove(this.textureKey);
  }

  // -------------------------------------------------------------------------------------------
  // Painting

  private paint(): void {
    const ctx = this.texture.getContext();
    const { w, h } = this.canvasSize;
    const pal = this.palette;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const o = this.canvasOrigin;
    const mt: Transform = { x: this.mainT.x - o.x, y: this.mainT.y - o.y, s: this.mainT.s };
    const it: Transform = { x: this.insetT.x - o.x, y: this.insetT.y - o.y, s: this.insetT.s };
    const mapBox: Box = { x: mt.x, y: mt.y, w: this.main.width * mt.s, h: this.main.height * mt.s };

    // Sea, a little lighter in the middle.
    const sea = ctx.createRadialGradient(
      mapBox.x + mapBox.w * 0.55,
      mapBox.y + mapBox.h * 0.45,
      0,
      mapBox.x + mapBox.w * 0.55,
      mapBox.y + mapBox.h * 0.45,
      Math.max(mapBox.w, mapBox.h) * 0.75,
    );
    sea.addColorStop(0, cssColor(mixColor(pal.sea, 0x3a6b8f, 0.18)));
    sea.addColorStop(1, cssColor(mixColor(pal.sea, 0x000000, 0.25)));
    ctx.fillStyle = sea;
    ctx.fillRect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);

    ctx.save();
    ctx.beginPath();
    ctx.rect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
    ctx.clip();
    this.paintLayer(ctx, this.main, mt, 1);
    this.paintRoutes(ctx, mt);
    this.paintPlaces(ctx, this.main.places, mt, 1);
    ctx.restore();
    ctx.strokeStyle = cssColor(pal.border, 0.35);
    ctx.lineWidth = 1;
    ctx.strokeRect(mapBox.x + 0.5, mapBox.y + 0.5, mapBox.w - 1, mapBox.h - 1);

    // The inset: a panel with its title row, then its own small map.
    const p = this.insetPanel;
    const px = p.x - o.x;
    const py = p.y - o.y;
    ctx.save();
    ctx.shadowColor = 'rgba(0, 0, 0, 0.55)';
    ctx.shadowBlur = 14;
    ctx.fillStyle = cssColor(mixColor(pal.sea, 0x000000, 0.35));
    roundRect(ctx, px, py, p.w, p.h, 6);
    ctx.fill();
    ctx.restore();
    ctx.save();
    roundRect(ctx, px, py, p.w, p.h, 6);
    ctx.clip();
    ctx.fillStyle = cssColor(mixColor(pal.sea, 0x3a6b8f, 0.1));
    ctx.fillRect(it.x, it.y, this.inset.width * it.s, this.inset.height * it.s);
    this.paintLayer(ctx, this.inset, it, 0.8);
    const front = this.data.inset.front;
    strokeLine(ctx, front, it, 'rgba(0, 0, 0, 0.6)', 6);
    strokeLine(ctx, front, it, cssColor(FRONT_COLOR), 3);
    this.paintPlaces(ctx, this.inset.places, it, 0.85);
    ctx.restore();
    ctx.strokeStyle = cssColor(pal.border, 0.45);
    ctx.lineWidth = 1;
    roundRect(ctx, px + 0.5, py + 0.5, p.w - 1, p.h - 1, 6);
    ctx.stroke();

    this.paintLabels(ctx);
    this.texture.refresh();
  }

  private fillOf(shape: Shape): number {
    const pal = this.palette;
    if (shape.id === 'other') return pal.land;
    const v = this.values[shape.id];
    if (v === null || v === undefined)
      return shape.id === 'ukraine' ? mixColor(pal.neutral, pal.text, 0.1) : pal.neutral;
    // A little of the land colour keeps the tints muted beside the neutral states.
    return mixColor(tintColor(v, pal), pal.land, 0.25);
  }

  private paintLayer(ctx: CanvasRenderingContext2D, layer: Layer, t: Transform, weight: number): void {
    const pal = this.palette;
    // A soft shadow under all land lifts it off the sea.
    ctx.save();
    ctx.shadowColor = 'rgba(0, 0, 0, 0.45)';
    ctx.shadowBlur = 10 * weight;
    ctx.shadowOffsetY = 2 * weight;
    ctx.fillStyle = cssColor(pal.land);
    ctx.beginPath();
    for (const shape of layer.shapes) for (const ring of shape.rings) ringPath(ctx, ring, t);
    ctx.fill();
    ctx.restore();

    for (const shape of layer.shapes) {
      ctx.fillStyle = cssColor(this.fillOf(shape));
      ctx.beginPath();
      for (const ring of shape.rings) ringPath(ctx, ring, t);
      ctx.fill();
    }
    for (const shape of layer.shapes) {
      for (const line of shape.coast)
        strokeLine(ctx, line, t, cssColor(mixColor(pal.border, pal.sea, 0.35), 0.55), 1);
    }
    for (const shape of layer.shapes) {
      for (const line of shape.borders) strokeLine(ctx, line, t, cssColor(pal.border, 0.85), 1.3 * weight);
    }
    const hl = this.highlighted;
    const shape = hl ? layer.shapes.find((s) => s.id === hl) : undefined;
    if (shape) {
      ctx.save();
      ctx.shadowColor = cssColor(pal.text, 0.8);
      ctx.shadowBlur = 8;
      for (const line of shape.outline) strokeLine(ctx, line, t, cssColor(pal.text), 2.5);
      ctx.restore();
    }
  }

  private paintRoutes(ctx: CanvasRenderingContext2D, t: Transform): void {
    for (const route of this.data.routes) {
      if (route.kind === 'rail') {
        strokeLine(ctx, route.points, t, 'rgba(8, 12, 20, 0.55)', 4.5);
        strokeLine(ctx, route.points, t, cssColor(RAIL_COLOR), 2, [7, 4]);
      } else {
        strokeLine(ctx, route.points, t, cssColor(SEA_ROUTE_COLOR), 2.6, [0.1, 5.5]);
      }
    }
  }

  private paintPlaces(ctx: CanvasRenderingContext2D, places: MapPlace[], t: Transform, weight: number): void {
    const pal = this.palette;
    const r = markerRadius(this.fontSize) * weight;
    for (const place of places) {
      const x = t.x + place.x * t.s;
      const y = t.y + place.y * t.s;
      ctx.fillStyle = cssColor(placeColor(place, pal));
      ctx.strokeStyle = cssColor(mixColor(pal.sea, 0x000000, 0.4));
      ctx.lineWidth = 2;
      ctx.beginPath();
      switch (place.kind) {
        case 'capital':
          ctx.arc(x, y, r * 1.15, 0, Math.PI * 2);
          ctx.stroke();
          ctx.fill();
          ctx.beginPath();
          ctx.fillStyle = cssColor(mixColor(pal.sea, 0x000000, 0.4));
          ctx.arc(x, y, r * 0.45, 0, Math.PI * 2);
          ctx.fill();
          break;
        case 'city':
          ctx.arc(x, y, r * 0.95, 0, Math.PI * 2);
          ctx.stroke();
          ctx.fill();
          break;
        case 'port':
          ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
          ctx.stroke();
          ctx.fill();
          break;
        case 'site':
          ctx.moveTo(x, y - r * 1.35);
          ctx.lineTo(x + r * 1.15, y + r * 0.85);
          ctx.lineTo(x - r * 1.15, y + r * 0.85);
          ctx.closePath();
          ctx.stroke();
          ctx.fill();
          break;
        case 'crossing':
          ctx.moveTo(x, y - r * 1.1);
          ctx.lineTo(x + r * 1.1, y);
          ctx.lineTo(x, y + r * 1.1);
          ctx.lineTo(x - r * 1.1, y);
          ctx.closePath();
          ctx.stroke();
          ctx.fill();
          break;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Labels

  private smallSize(): number {
    return Math.max(12, this.fontSize - 2);
  }

  private font(size: number, bold: boolean): string {
    return `${bold ? 'bold ' : ''}${size}px ${FONT}`;
  }

  /** Width of the widest line, with the letter spacing. */
  private measure(lines: string[], size: number, bold: boolean, spacing: number): number {
    const ctx = this.texture.getContext();
    ctx.font = this.font(size, bold);
    ctx.letterSpacing = `${spacing}px`;
    const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
    ctx.letterSpacing = '0px';
    return Math.ceil(width);
  }

  /** Breaks text into lines no wider than maxWidth (at spaces). */
  private wrap(text: string, size: number, bold: boolean, maxWidth: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && this.measure([candidate], size, bold, 0) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  }

  private label(
    text: string | string[],
    size: number,
    options: Partial<Pick<Label, 'bold' | 'spacing' | 'align' | 'halo'>> & { color: () => string },
  ): Label {
    const lines = Array.isArray(text) ? text : [text];
    const bold = options.bold ?? false;
    const spacing = options.spacing ?? 0;
    return {
      lines,
      x: 0,
      y: 0,
      w: this.measure(lines, size, bold, spacing),
      h: Math.ceil(lines.length * size * LINE_HEIGHT),
      size,
      bold,
      spacing,
      align: options.align ?? 'left',
      halo: options.halo ?? 4,
      color: options.color,
    };
  }

  /** Sizes every label and finds each a place where it overlaps as little as possible. */
  private placeLabels(titleLines: string[]): void {
    const f = this.fontSize;
    const small = this.smallSize();
    const text = () => cssColor(this.palette.text);
    const labels: Label[] = [];
    const placed: Box[] = [];
    const mt = this.mainT;
    const mapBox: Box = { x: mt.x, y: mt.y, w: this.main.width * mt.s, h: this.main.height * mt.s };
    const beside = this.insetPanel.x >= mapBox.x + mapBox.w;
    if (!beside) placed.push(inflate(this.insetPanel, 4));
    const r = markerRadius(f);
    // Markers are obstacles for every label.
    for (const p of this.main.places) {
      const c = this.toScreen(mt, p.x, p.y);
      placed.push({ x: c.x - r - 2, y: c.y - r - 2, w: 2 * r + 4, h: 2 * r + 4 });
    }
    const placeBoxes: Box[] = [];
    for (const place of this.main.places) {
      const label = this.label(place.name, f, { color: text });
      const c = this.toScreen(mt, place.x, place.y);
      const box = bestLabelBox(label.w, label.h, c.x, c.y, r + 3, placed, placeBoxes, mapBox);
      Object.assign(label, { x: box.x, y: box.y });
      placed.push(box);
      placeBoxes.push(box);
      labels.push(label);
    }

    for (const shape of this.main.shapes) {
      if (shape.id === 'other') continue;
      const tinted = () => this.values[shape.id] !== null && this.values[shape.id] !== undefined;
      const label = this.label(shape.name.toUpperCase().split(' '), Math.round(f * 0.95), {
        bold: true,
        spacing: Math.round(f * 0.18),
        align: 'center',
        halo: 3,
        color: () => cssColor(this.palette.text, tinted() ? 0.95 : 0.6),
      });
      const c = this.toScreen(mt, shape.label[0], shape.label[1]);
      const { w, h } = label;
      let best: Box | null = null;
      let bestScore = Infinity;
      for (const [dx, dy] of [
        [0, 0],
        [0, -0.6],
        [0, 0.6],
        [-0.35, 0],
        [0.35, 0],
        [0, -1.2],
        [0, 1.2],
      ] as const) {
        const box = { x: c.x - w / 2 + dx * w, y: c.y - h / 2 + dy * h, w, h };
        const score =
          overlapArea(box, placed) + outsideArea(box, mapBox) * 2 + (Math.abs(dx) + Math.abs(dy)) * 4;
        if (score < bestScore) {
          bestScore = score;
          best = box;
        }
      }
      // A state's name gives way to place names: hidden if it cannot be placed clear of them.
      if (best && overlapArea(best, placed) + outsideArea(best, mapBox) < 0.08 * w * h) {
        Object.assign(label, { x: best.x, y: best.y });
        placed.push(best);
        labels.push(label);
      }
    }

    // The inset.
    const p = this.insetPanel;
    const it = this.insetT;
    const titleH = it.y - p.y;
    const title = this.label(titleLines, small, { bold: true, halo: 0, color: text });
    Object.assign(title, { x: p.x + 8, y: p.y + (titleH - title.h) / 2 });
    labels.push(title);
    const insetBox: Box = { x: it.x, y: it.y, w: this.inset.width * it.s, h: this.inset.height * it.s };
    const insetPlaced: Box[] = [];
    const ir = markerRadius(f) * 0.85;
    for (const place of this.inset.places) {
      const label = this.label(place.name, small, { halo: 3, color: text });
      const c = this.toScreen(it, place.x, place.y);
      insetPlaced.push({ x: c.x - ir - 2, y: c.y - ir - 2, w: 2 * ir + 4, h: 2 * ir + 4 });
      const box = bestLabelBox(label.w, label.h, c.x, c.y, ir + 3, insetPlaced, [], insetBox);
      Object.assign(label, { x: box.x, y: box.y });
      insetPlaced.push(box);
      labels.push(label);
    }
    const front = this.data.inset.front;
    for (let k = 0; k + 3 < front.length; k += 2) {
      const a = this.toScreen(it, front[k]!, front[k + 1]!);
      const b = this.toScreen(it, front[k + 2]!, front[k + 3]!);
      insetPlaced.push({
        x: Math.min(a.x, b.x) - 2,
        y: Math.min(a.y, b.y) - 2,
        w: Math.abs(a.x - b.x) + 4,
        h: Math.abs(a.y - b.y) + 4,
      });
    }
    for (const shape of this.inset.shapes) {
      if (shape.id === 'other') continue;
      const label = this.label(shape.name.toUpperCase(), Math.max(11, small - 1), {
        bold: true,
        spacing: 1,
        align: 'center',
        halo: 3,
        color: () => cssColor(this.palette.text, 0.55),
      });
      const c = this.toScreen(it, shape.label[0], shape.label[1]);
      const box = { x: c.x - label.w / 2, y: c.y - label.h / 2, w: label.w, h: label.h };
      if (overlapArea(box, insetPlaced) + outsideArea(box, insetBox) < 0.1 * box.w * box.h) {
        Object.assign(label, { x: box.x, y: box.y });
        labels.push(label);
      }
    }
    this.labels = labels;
  }

  private paintLabels(ctx: CanvasRenderingContext2D): void {
    const o = this.canvasOrigin;
    const halo = cssColor(mixColor(this.palette.sea, 0x000000, 0.3));
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const label of this.labels) {
      ctx.font = this.font(label.size, label.bold);
      ctx.letterSpacing = `${label.spacing}px`;
      ctx.fillStyle = label.color();
      ctx.strokeStyle = halo;
      ctx.lineWidth = label.halo;
      const lineH = label.size * LINE_HEIGHT;
      label.lines.forEach((line, i) => {
        // Letter spacing is added after every letter, the last one too: leave it out when centring.
        const lineW = ctx.measureText(line).width - label.spacing;
        const x = Math.round(
          label.x - o.x + (label.align === 'center' ? (label.w - label.spacing - lineW) / 2 : 0),
        );
        const y = Math.round(label.y - o.y + (i + 0.5) * lineH);
        if (label.halo > 0) ctx.strokeText(line, x, y);
        ctx.fillText(line, x, y);
      });
    }
    ctx.letterSpacing = '0px';
  }

  private placePulses(): void {
    this.main.places.forEach((place, i) => {
      const ring = this.pulses[i];
      if (!ring) return;
      const c = this.toScreen(this.mainT, place.x, place.y);
      ring.setPosition(c.x, c.y);
      ring.setRadius(markerRadius(this.fontSize) * 1.6);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Shipments and hover

  private moveShipment(shipment: Shipment): void {
    const { x, y, dx } = pointAlong(shipment.points, shipment.progress);
    const c = this.toScreen(this.mainT, x, y);
    const m = this.mainT;
    const right = m.x + this.main.width * m.s;
    const bottom = m.y + this.main.height * m.s;
    const r = 12 * shipment.u;
    // Without movement the marker stands just above its destination (so the place stays readable),
    // stacked above any other arrival there.
    if (!shipment.fadeLabel) c.y -= (shipment.slot + 1) * (2 * r + 2);
    // Kept wholly inside the map, even where a route leaves the frame.
    const cx = clamp(c.x, m.x + r, right - r);
    const cy = clamp(c.y, m.y + r, bottom - r);
    shipment.container.setPosition(cx, cy);
    if (dx !== 0) shipment.glyph.setScale(dx < 0 ? -1 : 1, 1);
    const label = shipment.label;
    if (label) {
      const onLeft = cx + 14 * shipment.u + label.width > right;
      label.setOrigin(onLeft ? 1 : 0, 0.5).setX(onLeft ? -14 * shipment.u : 14 * shipment.u);
    }
    // Moving labels show only away from both ends: departures and arrivals gather at the same few
    // places, where the labels would pile up on each other and on the place names.
    if (label && shipment.fadeLabel) {
      const fromEnd = Math.min(shipment.progress, 1 - shipment.progress) * shipment.length * m.s;
      label.setAlpha(clamp((fromEnd - 18) / 22, 0, 1));
    }
  }

  private handlePointerMove(pointer: Phaser.Input.Pointer): void {
    this.setHovered(this.stateAt(pointer.worldX, pointer.worldY));
  }

  private handlePointerOut(): void {
    this.setHovered(null);
  }

  private setHovered(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    for (const cb of this.hoverCallbacks) cb(id);
  }

  /** The named state of the main map under a point in game pixels, or null. */
  private stateAt(x: number, y: number): string | null {
    const p = this.insetPanel;
    if (x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h) return null;
    const t = this.mainT;
    const fx = (x - t.x) / t.s;
    const fy = (y - t.y) / t.s;
    if (fx < 0 || fy < 0 || fx > this.main.width || fy > this.main.height) return null;
    for (let i = this.main.shapes.length - 1; i >= 0; i--) {
      const shape = this.main.shapes[i]!;
      if (shape.id === 'other') continue;
      const b = shape.bounds;
      if (fx < b.x || fy < b.y || fx > b.x + b.w || fy > b.y + b.h) continue;
      if (shape.rings.some((ring) => pointInRing(fx, fy, ring))) return shape.id;
    }
    return null;
  }

  private toScreen(t: Transform, x: number, y: number): { x: number; y: number } {
    return { x: t.x + x * t.s, y: t.y + y * t.s };
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

function markerRadius(fontSize: number): number {
  return Math.max(3.5, fontSize * 0.3);
}

function placeColor(place: MapPlace, pal: MapPalette): number {
  switch (place.kind) {
    case 'site':
      return SITE_COLOR;
    case 'port':
      return SEA_ROUTE_COLOR;
    case 'crossing':
      return RAIL_COLOR;
    default:
      return pal.text;
  }
}

/** The key of segment i → i+1 of a flat ring, the same whichever way the segment runs. */
function segmentKey(ring: number[], i: number): string {
  const j = (i + 1) % (ring.length / 2);
  const [ax, ay, bx, by] = [ring[2 * i]!, ring[2 * i + 1]!, ring[2 * j]!, ring[2 * j + 1]!];
  return ax < bx || (ax === bx && ay <= by) ? `${ax},${ay},${bx},${by}` : `${bx},${by},${ax},${ay}`;
}

function buildShapes(
  states: { id: string; name: string; rings: number[][]; label: [number, number] }[],
  frame: { width: number; height: number },
): Shape[] {
  // A segment found in two states' rings is a land border, drawn by the first of them; one found in
  // a single state's rings is coast.
  // A segment found twice in one state's rings joins two of its parts and is not drawn.
  const segments = new Map<string, { first: number; shared: boolean; internal: boolean }>();
  states.forEach((state, si) => {
    for (const ring of state.rings) {
      for (let i = 0; i < ring.length / 2; i++) {
        const k = segmentKey(ring, i);
        const seen = segments.get(k);
        if (!seen) segments.set(k, { first: si, shared: false, internal: false });
        else if (seen.first !== si) seen.shared = true;
        else seen.internal = true;
      }
    }
  });
  const onFrame = (ring: number[], i: number) => {
    const j = (i + 1) % (ring.length / 2);
    const [ax, ay, bx, by] = [ring[2 * i]!, ring[2 * i + 1]!, ring[2 * j]!, ring[2 * j + 1]!];
    return (ax === bx && (ax <= 0 || ax >= frame.width)) || (ay === by && (ay <= 0 || ay >= frame.height));
  };
  return states.map((state, si) => {
    const coast: number[][] = [];
    const borders: number[][] = [];
    const outline: number[][] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of state.rings) {
      for (let i = 0; i < ring.length; i += 2) {
        minX = Math.min(minX, ring[i]!);
        maxX = Math.max(maxX, ring[i]!);
        minY = Math.min(minY, ring[i + 1]!);
        maxY = Math.max(maxY, ring[i + 1]!);
      }
      const info = (i: number) => segments.get(segmentKey(ring, i))!;
      const drawn = (i: number) => !onFrame(ring, i) && !info(i).internal;
      coast.push(...runsOf(ring, (i) => drawn(i) && !info(i).shared));
      borders.push(...runsOf(ring, (i) => drawn(i) && info(i).shared && info(i).first === si));
      outline.push(...runsOf(ring, drawn));
    }
    return {
      id: state.id,
      name: state.name,
      rings: state.rings,
      label: state.label,
      bounds: { x: minX, y: minY, w: maxX - minX, h: maxY - minY },
      coast,
      borders,
      outline,
    };
  });
}

/** The open polylines made of a closed ring's consecutive segments i → i+1 for which keep(i) holds. */
function runsOf(ring: number[], keep: (i: number) => boolean): number[][] {
  const n = ring.length / 2;
  const flags = Array.from({ length: n }, (_, i) => keep(i));
  if (flags.every(Boolean)) return [[...ring, ring[0]!, ring[1]!]];
  const start = flags.findIndex((f, i) => f && !flags[(i + n - 1) % n]);
  if (start < 0) return [];
  const out: number[][] = [];
  let run: number[] | null = null;
  for (let m = 0; m < n; m++) {
    const i = (start + m) % n;
    const j = (i + 1) % n;
    if (flags[i]) {
      run ??= [ring[2 * i]!, ring[2 * i + 1]!];
      run.push(ring[2 * j]!, ring[2 * j + 1]!);
    } else if (run) {
      out.push(run);
      run = null;
    }
  }
  if (run) out.push(run);
  return out;
}

function ringPath(ctx: CanvasRenderingContext2D, ring: number[], t: Transform): void {
  ctx.moveTo(t.x + ring[0]! * t.s, t.y + ring[1]! * t.s);
  for (let i = 2; i < ring.length; i += 2) ctx.lineTo(t.x + ring[i]! * t.s, t.y + ring[i + 1]! * t.s);
  ctx.closePath();
}

function strokeLine(
  ctx: CanvasRenderingContext2D,
  line: number[],
  t: Transform,
  color: string,
  width: number,
  dash: number[] = [],
): void {
  if (line.length < 4) return;
  ctx.beginPath();
  ctx.moveTo(t.x + line[0]! * t.s, t.y + line[1]! * t.s);
  for (let i = 2; i < line.length; i += 2) ctx.lineTo(t.x + line[i]! * t.s, t.y + line[i + 1]! * t.s);
  ctx.setLineDash(dash);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
  ctx.setLineDash([]);
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function inflate(b: Box, d: number): Box {
  return { x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d };
}

function overlapArea(box: Box, others: Box[]): number {
  let total = 0;
  for (const o of others) {
    const w = Math.min(box.x + box.w, o.x + o.w) - Math.max(box.x, o.x);
    const h = Math.min(box.y + box.h, o.y + o.h) - Math.max(box.y, o.y);
    if (w > 0 && h > 0) total += w * h;
  }
  return total;
}

function outsideArea(box: Box, frame: Box): number {
  const w = Math.max(0, Math.min(box.x + box.w, frame.x + frame.w) - Math.max(box.x, frame.x));
  const h = Math.max(0, Math.min(box.y + box.h, frame.y + frame.h) - Math.max(box.y, frame.y));
  return box.w * box.h - w * h;
}

/**
 * How many of the other labels sit on the same line as the box and so close beside it that the two
 * would read as one name ("Rajin Khasan–Tumangang").
 */
function sameLine(box: Box, labels: Box[]): number {
  let n = 0;
  for (const o of labels) {
    const shared = Math.min(box.y + box.h, o.y + o.h) - Math.max(box.y, o.y);
    const apart = Math.max(o.x - (box.x + box.w), box.x - (o.x + o.w));
    if (shared > 0.65 * Math.min(box.h, o.h) && apart < box.h * 2.5) n++;
  }
  return n;
}

/** The label box beside a marker at (x, y) that overlaps least with what is already placed. */
function bestLabelBox(
  w: number,
  h: number,
  x: number,
  y: number,
  gap: number,
  placed: Box[],
  labels: Box[],
  frame: Box,
): Box {
  const d = gap * 0.75;
  const candidates: Box[] = [
    { x: x + gap, y: y - h / 2, w, h }, // right
    { x: x - gap - w, y: y - h / 2, w, h }, // left
    { x: x + d, y: y - d - h, w, h }, // above right
    { x: x + d, y: y + d, w, h }, // below right
    { x: x - d - w, y: y - d - h, w, h }, // above left
    { x: x - d - w, y: y + d, w, h }, // below left
    { x: x - w / 2, y: y - gap - h, w, h }, // above
    { x: x - w / 2, y: y + gap, w, h }, // below
  ];
  let best = candidates[0]!;
  let bestScore = Infinity;
  candidates.forEach((box, i) => {
    const score =
      overlapArea(box, placed) * 4 + outsideArea(box, frame) * 8 + sameLine(box, labels) * w * h + i * 2;
    if (score < bestScore) {
      bestScore = score;
      best = box;
    }
  });
  return best;
}

function reversePoints(points: number[]): number[] {
  const out: number[] = [];
  for (let i = points.length - 2; i >= 0; i -= 2) out.push(points[i]!, points[i + 1]!);
  return out;
}

function polylineLength(points: number[]): number {
  let total = 0;
  for (let i = 2; i < points.length; i += 2) {
    total += Math.hypot(points[i]! - points[i - 2]!, points[i + 1]! - points[i - 1]!);
  }
  return total;
}

/** The point a fraction `t` (0..1) of the way along a polyline, and the x-direction of travel there. */
function pointAlong(points: number[], t: number): { x: number; y: number; dx: number } {
  const total = polylineLength(points);
  let remaining = clamp(t, 0, 1) * total;
  for (let i = 2; i < points.length; i += 2) {
    const ax = points[i - 2]!;
    const ay = points[i - 1]!;
    const bx = points[i]!;
    const by = points[i + 1]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (remaining <= len || i === points.length - 2) {
      const k = len === 0 ? 1 : clamp(remaining / len, 0, 1);
      return { x: ax + (bx - ax) * k, y: ay + (by - ay) * k, dx: bx - ax };
    }
    remaining -= len;
  }
  return { x: points[0] ?? 0, y: points[1] ?? 0, dx: 0 };
}

function drawGlyph(
  g: Phaser.GameObjects.Graphics,
  glyph: ShipmentGlyph,
  route: MapRoute,
  u: number,
  pal: MapPalette,
): void {
  const accent = route.kind === 'sea' ? SEA_ROUTE_COLOR : RAIL_COLOR;
  const dark = mixColor(pal.sea, 0x000000, 0.4);
  g.fillStyle(dark, 0.92);
  g.fillCircle(0, 0, 11 * u);
  g.lineStyle(2, accent, 1);
  g.strokeCircle(0, 0, 11 * u);
  if (glyph === 'train') {
    g.fillStyle(accent, 1);
    g.fillRoundedRect(-7 * u, -4 * u, 10 * u, 6 * u, 1.5 * u); // boiler
    g.fillRect(1 * u, -7 * u, 5 * u, 9 * u); // cab
    g.fillRect(-6 * u, -7 * u, 2.5 * u, 3 * u); // chimney
    g.fillStyle(dark, 1);
    g.fillRect(2.2 * u, -5.8 * u, 2.6 * u, 2.4 * u); // cab window
    g.fillStyle(pal.text, 1);
    g.fillCircle(-4.5 * u, 4 * u, 1.8 * u);
    g.fillCircle(0 * u, 4 * u, 1.8 * u);
    g.fillCircle(4.2 * u, 4 * u, 1.8 * u);
  } else if (glyph === 'ship') {
    g.fillStyle(accent, 1);
    g.beginPath();
    g.moveTo(-8 * u, 1 * u);
    g.lineTo(8 * u, 1 * u);
    g.lineTo(5.5 * u, 5.5 * u);
    g.lineTo(-6 * u, 5.5 * u);
    g.closePath();
    g.fillPath(); // hull
    g.fillRect(-5 * u, -2.5 * u, 7 * u, 3.5 * u); // containers
    g.fillStyle(pal.text, 1);
    g.fillRect(2.5 * u, -6 * u, 3.5 * u, 7 * u); // bridge
  } else {
    g.fillStyle(CRATE_COLOR, 1);
    g.fillRect(-6 * u, -6 * u, 12 * u, 12 * u);
    g.lineStyle(1.5, dark, 1);
    g.strokeRect(-6 * u, -6 * u, 12 * u, 12 * u);
    g.lineBetween(-6 * u, -6 * u, 6 * u, 6 * u);
    g.lineBetween(6 * u, -6 * u, -6 * u, 6 * u);
  }
}
