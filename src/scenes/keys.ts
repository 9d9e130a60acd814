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
