// Scene keys, in the order the player meets them.
export const SCENES = {
  boot: 'Boot',
  preload: 'Preload',
  map: 'Map',
  title: 'Title',
  briefing: 'Briefing',
  play: 'Play',
  news: 'News',
  debrief: 'Debrief',
  replay: 'Replay',
  classroom: 'Classroom',
  live: 'Live',
  liveTeacher: 'LiveTeacher',
} as const;

/** The registry key of the map's data as the page requested it (a promise of its JSON). */
export const MAP_DATA = 'mapData';
