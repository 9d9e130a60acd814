// What the play screen and the replay viewer both do with the map under them: fit it to the
// screen's map cell, and send the shipments a move set off along their routes.
import type * as Phaser from 'phaser';
import type { ChronicleEntry, GameState } from '../engine/index.ts';
import type { PlayScreen } from '../ui/screens/play.ts';
import { settings } from '../ui/settings.ts';
import { mapHost } from './MapScene.ts';
import { shipmentsFor } from './shipments.ts';

/**
 * Fits the map to the screen's map cell once the browser has laid the screen out; `then` runs
 * after (to place what sits over the map).
 */
export function fitMapToCell(scene: Phaser.Scene, screen: PlayScreen, then?: () => void): void {
  requestAnimationFrame(() => {
    if (!scene.scene.isActive()) return;
    const rect = screen.mapRect();
    if (rect && rect.width > 0)
      mapHost.scene?.fit({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    then?.();
  });
}

/** Sends along their routes the shipments that the entries between two states set off. */
export function sendShipments(previous: GameState, state: GameState, fresh: ChronicleEntry[]): void {
  const view = mapHost.scene?.view;
  if (!view) return;
  for (const shipment of shipmentsFor(fresh, previous, state)) {
    void view.sendShipment(shipment.route, {
      label: shipment.label,
      reverse: shipment.reverse,
      reducedMotion: settings().reducedMotion,
    });
  }
}
