import * as Phaser from 'phaser';
import { SCENES } from './keys.ts';

/** Starts the loading screen at once; nothing heavy happens before its progress bar shows. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    this.scene.start(SCENES.preload);
  }
}
