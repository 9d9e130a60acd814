// The way into the live class scenes: they load (and join the game's scenes) only when a live
// class is opened, so a page that never plays live downloads none of it (lazyScenes.ts). They are
// Phaser scenes (a student's game goes on to the play scene): the way in waits for the game to be up.
import type { LiveData } from './LiveScene.ts';
import type { LiveTeacherData } from './LiveTeacherScene.ts';
import { SCENES } from './keys.ts';
import { startLazy, type SceneStarter } from './lazyScenes.ts';

/** A student's live game: from `from` to the live scene (joining, waiting, then the game). */
export function startLiveStudent(from: SceneStarter, data: LiveData): Promise<void> {
  return startLazy(from, SCENES.live, data);
}

/** The teacher's live view. */
export function startLiveTeacher(from: SceneStarter, data: LiveTeacherData): Promise<void> {
  return startLazy(from, SCENES.liveTeacher, data);
}
