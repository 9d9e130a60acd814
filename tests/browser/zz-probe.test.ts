import { afterAll, test } from 'vitest';
import { closeBrowser, mapPlacement, mapPlacementProblem, openGame, resize, startGame, VIEWPORTS } from './harness.ts';
afterAll(closeBrowser);
test('probe', async () => {
  const game = await openGame({ viewport: VIEWPORTS.small });
  await startGame(game.page);
  await game.page.waitForTimeout(500);
  for (const v of [VIEWPORTS.small, VIEWPORTS.large, VIEWPORTS.medium, VIEWPORTS.small]) {
    await resize(game.page, v);
    const p = await mapPlacement(game.page);
    console.log(v, JSON.stringify(p), mapPlacementProblem(p));
  }
  await game.close();
});
