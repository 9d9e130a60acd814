// The scenario and the article as the tests read them: straight from the YAML files, not from the
// game, so the tests check what the player sees against the source of truth.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { REPO_ROOT } from './env.ts';

export interface ScenarioCard {
  id: string;
  role: string;
  title: string;
  paragraphs: string[];
  quote?: string;
  options: { id: string; label: string }[];
}

export interface ScenarioFile {
  id: string;
  title: string;
  start: string;
  turns: number;
  cards: ScenarioCard[];
  endings: { id: string; title: string }[];
  meters: Record<string, { label: string; owner: 'dprk' | 'russia' | 'shared'; private?: boolean }>;
  personalities: { id: string; role: string; name: string }[];
}

export interface ArticleFile {
  title: string;
  paragraphs: { id: string; text: string }[];
}

function readYaml<T>(name: string): T {
  return parse(readFileSync(`${REPO_ROOT}/scenarios/${name}`, 'utf8')) as T;
}

export const scenario = readYaml<ScenarioFile>('vostochny-summit.scenario.yaml');
export const article = readYaml<ArticleFile>('article.yaml');

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

/** The label of month `turn` (1-based) of the scenario, e.g. 1 → "September 2023". */
export function monthName(turn: number): string {
  const [year, month] = scenario.start.split('-').map(Number) as [number, number];
  const index = month - 1 + turn - 1;
  return `${MONTHS[index % 12]} ${year + Math.floor(index / 12)}`;
}

/** The scenario card a hand shows under this title ("Offer from …: " stripped). */
export function cardByTitle(title: string): ScenarioCard | undefined {
  const plain = title.replace(/^Offer from [^:]+: /, '');
  return scenario.cards.find((c) => c.title === plain);
}

export function paragraphText(id: string): string | undefined {
  return article.paragraphs.find((p) => p.id === id)?.text;
}
