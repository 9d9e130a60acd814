// The way into the live class scenes: they load (and join the game's scenes) only when a live
// class is opened, so a page that never plays live downloads none of it. They are Phaser scenes
// (a student's game goes on to the play scene): the way in waits for the game to be up.
import type { LiveData } from './LiveScene.ts';
import type { LiveTeacherData } from './LiveTeacherScene.ts';
import { SCENES } from './keys.ts';
import { whenGame, type HtmlScenePlugin } from './router.ts';

/** Where a live scene is started from: an HTML screen or a Phaser scene (both have these two). */
interface From {
  scene: Pick<HtmlScenePlugin, 'isActive' | 'start'>;
}

async function addLiveScenes(): Promise<void> {
  const [{ LiveScene }, { LiveTeacherScene }, game] = await Promise.all([
    import('./LiveScene.ts'),
    import('./LiveTeacherScene.ts'),
    whenGame(),
  ]);
  game.add(SCENES.live, LiveScene);
  game.add(SCENES.liveTeacher, LiveTeacherScene);
}

/** A student's live game: from `from` to the live scene (joining, waiting, then the game). */
export async function startLiveStudent(from: From, data: LiveData): Promise<void> {
  await addLiveScenes();
  if (from.scene.isActive()) from.scene.start(SCENES.live, data);
}

/** The teacher's live view. */
export async function startLiveTeacher(from: From, data: LiveTeacherData): Promise<void> {
  await addLiveScenes();
  if (from.scene.isActive()) from.scene.start(SCENES.liveTeacher, data);
}
