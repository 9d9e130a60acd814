// Dev-only preview of the map (http://127.0.0.1:5173/dev/map.html; not part of the production build).
// Query parameters:
//   palette=cb        the colour-blind palette
//   reduced=1         reduced motion for shipments
//   idle=0            no idle animation
//   ships=0           no shipments
//   highlight=ID      outline one state
//   rect=x,y,w,h      lay the map out in that part of the window (fractions 0..1), as a game scene might
//   empty=1           no map at all (a baseline for frame times)
import * as Phaser from 'phaser';
import mapUrl from '../assets/map.json?url';
import { parseMapData } from '../src/map/mapData.ts';
import { MapView } from '../src/map/MapView.ts';
import { COLOR_BLIND_PALETTE, DEFAULT_PALETTE } from '../src/map/palette.ts';

const params = new URLSearchParams(location.search);
const palette = params.get('palette') === 'cb' ? COLOR_BLIND_PALETTE : DEFAULT_PALETTE;
const reducedMotion = params.get('reduced') === '1';
const rect = (params.get('rect') ?? '0,0,1,1').split(',').map(Number);
const SAMPLE_TINTS = { dprk: 0.22, russia: 0.82, china: 0.55, rok: null, japan: null, mongolia: null };
const SHIPMENTS: { route: string; label: string; reverse?: boolean }[] = [
  { route: 'rail-pyongyang-vladivostok', label: 'Shells' },
  { route: 'sea-rajin-vladivostok', label: 'Containers' },
  { route: 'rail-vladivostok-west', label: 'To the front' },
  { route: 'sea-rajin-vladivostok', label: 'Oil', reverse: true },
  { route: 'rail-armoured-train', label: 'Kim’s train' },
];

declare global {
  interface Window {
    mapReady?: boolean;
    mapView?: MapView;
    mapGame?: Phaser.Game;
  }
}

class PreviewScene extends Phaser.Scene {
  private map?: MapView;

  constructor() {
    super('map-preview');
  }

  preload(): void {
    this.load.json('map', mapUrl);
  }

  create(): void {
    if (params.get('empty') === '1') {
      // A baseline for frame times: the same game with nothing drawn.
      window.mapReady = true;
      return;
    }
    const data = parseMapData(this.cache.json.get('map'));
    if (typeof data === 'string') throw new Error(data);
    const map = new MapView(this, data);
    this.map = map;
    window.mapView = map;
    const fit = () => {
      const w = this.scale.width;
      const h = this.scale.height;
      map.layout((rect[0] ?? 0) * w, (rect[1] ?? 0) * h, (rect[2] ?? 1) * w, (rect[3] ?? 1) * h);
    };
    fit();
    this.scale.on(Phaser.Scale.Events.RESIZE, fit);
    map.setTints(SAMPLE_TINTS, palette);
    const highlight = params.get('highlight');
    if (highlight) map.highlightState(highlight);
    if (params.get('idle') !== '0') map.animateIdle(true);

    const tooltip = document.getElementById('tooltip')!;
    map.onHover((id) => {
      tooltip.hidden = id === null;
      if (id === null) return;
      const p = map.statePosition(id);
      const box = this.game.canvas.getBoundingClientRect();
      tooltip.textContent = `${id}: ${String(SAMPLE_TINTS[id as keyof typeof SAMPLE_TINTS] ?? 'neutral')}`;
      tooltip.style.left = `${box.left + p.x}px`;
      tooltip.style.top = `${box.top + p.y}px`;
    });

    if (params.get('ships') !== '0') {
      let n = 0;
      const send = () => {
        const s = SHIPMENTS[n++ % SHIPMENTS.length]!;
        void map.sendShipment(s.route, { label: s.label, reverse: s.reverse, reducedMotion });
      };
      for (let i = 0; i < 3; i++) send();
      this.time.addEvent({ delay: 1400, loop: true, callback: send });
    }
    window.mapReady = true;
  }
}

window.mapGame = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'map',
  backgroundColor: '#0a121d',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [PreviewScene],
});
