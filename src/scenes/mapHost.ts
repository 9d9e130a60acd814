// The running map scene, for the other screens (its `view` is null until the map is drawn). A
// module of its own without Phaser, so the HTML screens that steer the map (fit it to the window,
// clear its tints) can run before Phaser has loaded: until then there is no map to steer.
import type { MapScene } from './MapScene.ts';

export const mapHost: { scene: MapScene | null } = { scene: null };
