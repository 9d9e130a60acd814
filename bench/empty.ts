// The baseline of `npm run bench`'s web figures: one Phaser.Game booted exactly as src/main.ts boots
// the game (same renderer choice, scale mode, colour and options) with one empty scene, so that the
// figures beside it say what the game adds to Phaser itself. Built by tools/bench-web with the same
// Vite config as the game; not part of the shipped site.
import * as Phaser from 'phaser';

declare global {
  interface Window {
    /** performance.now() when the empty scene's create() ran. */
    emptyPhaserReady?: number;
    /** The renderer Phaser picked: Phaser.WEBGL or Phaser.CANVAS. */
    emptyPhaserRenderer?: number;
  }
}

class EmptyScene extends Phaser.Scene {
  constructor() {
    super('Empty');
  }

  create(): void {
    window.emptyPhaserReady = performance.now();
    window.emptyPhaserRenderer = this.game.renderer.type;
  }
}

export const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#0f1b2b',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [EmptyScene],
  banner: false,
  audio: { noAudio: true },
});
