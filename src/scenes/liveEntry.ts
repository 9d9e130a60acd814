// The way into the live class scenes: they load (and join the game's scenes) only when a live
// class is opened, so a page that never plays live downloads none of it.
import type * as Phaser from 'phaser';
import type { LiveData } from './LiveScene.ts';
import type { LiveTeacherData } from './LiveTeacherScene.ts';
import { SCENES } from './keys.ts';

async function addLiveScenes(from: Phaser.Scene): Promise<void> {
  const [{ LiveScene }, { LiveTeacherScene }] = await Promise.all([
    import('./LiveScene.ts'),
    import('./LiveTeacherScene.ts'),
  ]);
  const scenes = from.game.scene;
  if (!scenes.getScene(SCENES.live)) scenes.add(SCENES.live, LiveScene, false);
  if (!scenes.getScene(SCENES.liveTeacher)) scenes.add(SCENES.liveTeacher, LiveTeacherScene, false);
}

/** A student's live game: from `from` to the live scene (joining, waiting, then the game). */
export async function startLiveStudent(from: Phaser.Scene, data: LiveData): Promise<void> {
  await addLiveScenes(from);
  if (from.scene.isActive()) from.scene.start(SCENES.live, data);
}

/** The teacher's live view. */
export async function startLiveTeacher(from: Phaser.Scene, data: LiveTeacherData): Promise<void> {
  await addLiveScenes(from);
  if (from.scene.isActive()) from.scene.start(SCENES.liveTeacher, data);
}
