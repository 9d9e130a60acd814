import * as Phaser from 'phaser';
import { reportLoading } from './router.ts';
import { MAP_DATA, SCENES } from './keys.ts';

/**
 * Waits for the map's data (the page requested it at boot, beside Phaser's chunk), then starts the
 * map under whatever screen is showing. It shows nothing itself: the title is already up.
 */
export class PreloadScene extends Phaser.Scene {
  constructor() {
    super(SCENES.preload);
  }

  create(): void {
    reportLoading(0.8);
    // (game.ts puts the page's request for it in the registry)
    void (this.registry.get(MAP_DATA) as Promise<unknown>).then((map) => {
      reportLoading(1);
      // a failed fetch gives no data: the map scene then says why and the game plays without it
      this.cache.json.add('map', map);
      this.scene.launch(SCENES.map);
      this.scene.stop();
    });
  }
}
