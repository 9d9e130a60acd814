// The fixed vocabulary of the world model: who plays, who reacts, and the alliance track.

export const ROLES = ['kim', 'putin'] as const;
export type Role = (typeof ROLES)[number];

/** The state each playable role governs. */
export const ROLE_STATE = { kim: 'dprk', putin: 'russia' } as const satisfies Record<Role, string>;

export const ACTORS = ['usa', 'rok', 'japan', 'china', 'unsc'] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_NAMES: Record<Actor, string> = {
  usa: 'United States',
  rok: 'South Korea',
  japan: 'Japan',
  china: 'China',
  unsc: 'UN Security Council',
};

/** The alliance track, in order. A scenario may start anywhere on it. */
export const STAGES = ['denial', 'contacts', 'summit', 'arms-for-food', 'technology', 'treaty'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, string> = {
  denial: 'Denial',
  contacts: 'Contacts',
  summit: 'Summit',
  'arms-for-food': 'Arms for oil and food',
  technology: 'Technology',
  treaty: 'Treaty',
};

export const OWNERS = ['dprk', 'russia', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];

export const OUTCOMES = ['win', 'draw', 'loss'] as const;
export type EndResult = (typeof OUTCOMES)[number];

export function otherRole(role: Role): Role {
  return role === 'kim' ? 'putin' : 'kim';
}

export const STAGE_INDEX = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

export function stageIndex(stage: Stage): number {
  return STAGE_INDEX[stage];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2023-09" and turn 1 → "September 2023"; turn 5 → "January 2024". */
export function monthLabel(start: string, turn: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + (turn - 1);
  return `${MONTHS[index % 12]} ${Math.floor(index / 12)}`;
}
