// Build time: writes into index.html the files of the game module (src/game.ts: Phaser, the map's
// scenes) and of every chunk it imports, as `<meta name="game-files" content="assets/… …">`. The
// page adds a `<link rel="modulepreload">` for each once the title is drawn (main.ts): the bytes
// arrive early, while Phaser's evaluation waits until the player wants the game (or lingers).
// (A meta tag, not an inline script: the site's Content-Security-Policy allows no inline script.)
import type { Plugin } from 'vite';

export const GAME_FILES_META = 'game-files';

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  moduleIds?: string[];
  imports?: string[];
}

const isGame = (id: string | null | undefined): boolean => /[\\/]src[\\/]game\.ts$/.test(id ?? '');

export function gameFilesPlugin(): Plugin {
  return {
    name: 'shells-for-oil-game-files',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle as Record<string, ChunkLike> | undefined;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        // (the chunk of src/game.ts: its own, or the one the build groups it in: vite.config.ts)
        const game = chunks.find((c) => isGame(c.facadeModuleId) || (c.moduleIds ?? []).some(isGame));
        // (a page without the game, as the bench's empty Phaser page, gets no list)
        if (!game) return [];
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of bundle[fileName]?.imports ?? []) visit(imported);
        };
        visit(game.fileName);
        return [
          {
            tag: 'meta',
            attrs: { name: GAME_FILES_META, content: [...files].join(' ') },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
