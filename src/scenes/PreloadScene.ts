import * as Phaser from 'phaser';
import mapUrl from '../../assets/map.json?url';
import { h } from '../ui/dom.ts';
import { showScreen } from '../ui/root.ts';
import { SCENES } from './keys.ts';

/** Loads the map with a progress bar, drawn on the canvas and mirrored as an HTML progressbar. */
export class PreloadScene extends Phaser.Scene {
  constructor() {
    super(SCENES.preload);
  }

  preload(): void {
    const { width, height } = this.scale;
    const barWidth = Math.min(420, width * 0.6);
    const x = (width - barWidth) / 2;
    const y = height / 2 + 30;
    const frame = this.add.graphics();
    frame.lineStyle(2, 0x2b3c52).strokeRoundedRect(x, y, barWidth, 14, 7);
    const bar = this.add.graphics();
    const progress = h('div', {
      class: 'loading-bar',
      role: 'progressbar',
      'aria-label': 'Loading',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
    });
    showScreen(
      h(
        'main',
        { class: 'page loading-page' },
        h('h1', {}, 'Shells for Oil'),
        h('p', { class: 'muted' }, 'Loading the map…'),
        progress,
      ),
    );
    this.load.on('progress', (value: number) => {
      bar
        .clear()
        .fillStyle(0xf2c14e)
        .fillRoundedRect(x + 2, y + 2, Math.max(4, (barWidth - 4) * value), 10, 5);
      progress.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    });
    this.load.json('map', mapUrl);
  }

  create(): void {
    this.scene.launch(SCENES.map);
    this.scene.start(SCENES.title);
  }
}
