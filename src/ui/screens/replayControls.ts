// The replay viewer's controls: play and pause, a step back and forward, the start and the end, a
// timeline to jump to any move, the speed, and what to do with the game (play on from here, save
// it, share it). One element for the whole viewing, updated in place, so the focus stays put.
import '../../styles/replay.css';
import { h } from '../dom.ts';

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ReplayControlHandlers {
  onSeek(index: number): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: Speed): void;
  onBranch(): void;
  onDownload(): void;
  onShare(): void;
}

export interface ReplayView {
  index: number;
  /** Moves in the game: indexes run from 0 (the start) to total. */
  total: number;
  playing: boolean;
  speed: Speed;
  /** "Month 3 · Putin's move" and the like, for the position line. */
  where: string;
}

export class ReplayControls {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly position: HTMLElement;
  private readonly steps: Record<'start' | 'back' | 'forward' | 'end', HTMLButtonElement>;
  private readonly speedSelect: HTMLSelectElement;
  private view: ReplayView;

  constructor(title: string, view: ReplayView, handlers: ReplayControlHandlers) {
    this.view = view;
    const step = (label: string, text: string, cls: string, to: () => number) =>
      h(
        'button',
        {
          type: 'button',
          class: `replay-step ${cls}`,
          'aria-label': label,
          title: label,
          onclick: () => handlers.onSeek(to()),
        },
        text,
      );
    this.steps = {
      start: step('To the start', '|◀', 'to-start', () => 0),
      back: step('One move back', '◀', 'step-back', () => this.view.index - 1),
      forward: step('One move forward', '▶', 'step-forward', () => this.view.index + 1),
      end: step('To the end', '▶|', 'to-end', () => this.view.total),
    };
    this.playButton = h('button', {
      type: 'button',
      class: 'primary replay-play',
      onclick: () => handlers.onPlay(!this.view.playing),
    });
    this.slider = h('input', {
      type: 'range',
      class: 'replay-timeline',
      id: 'replay-timeline',
      min: 0,
      max: view.total,
      step: 1,
      value: view.index,
      'aria-label': 'Move',
    });
    this.slider.addEventListener('input', () => handlers.onSeek(Number(this.slider.value)));
    this.speedSelect = h(
      'select',
      { id: 'replay-speed', 'aria-label': 'Speed' },
      ...SPEEDS.map((s) => h('option', { value: String(s), selected: s === view.speed }, `${s}×`)),
    );
    this.speedSelect.addEventListener('change', () =>
      handlers.onSpeed(Number(this.speedSelect.value) as Speed),
    );
    this.position = h('p', { class: 'replay-position', 'aria-live': 'polite' });
    this.element = h(
      'div',
      { class: 'replay-controls' },
      h('h2', { class: 'replay-title' }, `Replay: ${title}`),
      this.position,
      h(
        'div',
        { class: 'replay-row', role: 'group', 'aria-label': 'Replay controls' },
        this.steps.start,
        this.steps.back,
        this.playButton,
        this.steps.forward,
        this.steps.end,
        this.slider,
        h('label', { class: 'replay-speed' }, 'Speed ', this.speedSelect),
      ),
      h(
        'div',
        { class: 'replay-row replay-actions' },
        h(
          'button',
          { type: 'button', class: 'replay-branch', onclick: handlers.onBranch },
          'Play on from here',
        ),
        h(
          'button',
          { type: 'button', class: 'replay-download', onclick: handlers.onDownload },
          'Save as a file',
        ),
        h('button', { type: 'button', class: 'replay-share', onclick: handlers.onShare }, 'Share a link'),
      ),
    );
    this.update(view);
  }

  update(view: ReplayView): void {
    this.view = view;
    this.slider.value = String(view.index);
    this.slider.setAttribute('aria-valuetext', `Move ${view.index} of ${view.total}: ${view.where}`);
    this.position.textContent =
      view.index === 0
        ? `The start · ${view.total} moves`
        : `Move ${view.index} of ${view.total} · ${view.where}`;
    this.playButton.textContent = view.playing ? 'Pause' : view.index >= view.total ? 'Play again' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(view.playing));
    this.steps.start.disabled = this.steps.back.disabled = view.index <= 0;
    this.steps.forward.disabled = this.steps.end.disabled = view.index >= view.total;
    this.speedSelect.value = String(view.speed);
  }
}
