// The map: its data (assets/map.json, checked with parseMapData when loaded), its view and palettes.
//
//   import mapUrl from '../../assets/map.json?url';      // in preload(): this.load.json('map', mapUrl)
//   const data = parseMapData(this.cache.json.get('map'));  // a string says what is wrong
//   const map = new MapView(this, data);
//   map.layout(x, y, width, height);                          // again on every resize
//   map.setTints({ dprk: 0.3, russia: 0.8 }, DEFAULT_PALETTE);
export { MapView, type HoverCallback, type ShipmentGlyph, type ShipmentOptions } from './MapView.ts';
export {
  INSET_STATE_IDS,
  PLACE_KINDS,
  REQUIRED_PLACES,
  REQUIRED_ROUTES,
  ROUTE_KINDS,
  STATE_IDS,
  parseMapData,
  type InsetStateId,
  type MapData,
  type MapInset,
  type MapPlace,
  type MapRoute,
  type MapState,
  type PlaceKind,
  type RouteKind,
  type StateId,
} from './mapData.ts';
export { COLOR_BLIND_PALETTE, DEFAULT_PALETTE, tintColor, type MapPalette } from './palette.ts';
