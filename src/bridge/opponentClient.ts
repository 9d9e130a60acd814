// The page's side of the opponent's Web Worker (see src/ai/protocol.ts): one worker for the page,
// each scenario sent once, then a request per move. Answers carry the request's id, so an answer
// to a request nobody waits for any more (the player left the game) is dropped.
//
// If the worker cannot start or fails, the same pure `decide` runs in the page instead (loaded
// only then): the game goes on, and since `decide` is deterministic, with the same moves.
import workerUrl from 'virtual:opponent-worker-url';
import type { ChooseAction, GameState, Rules } from '../engine/index.ts';
import type { OpponentRequest, OpponentResponse } from '../ai/protocol.ts';
import type { OpponentSettings } from '../ai/settings.ts';

export interface Decided {
  action: ChooseAction;
  /** Where it was decided: in the worker, or in the page after the worker failed. */
  where: 'worker' | 'page';
}

type Waiting = { resolve: (answer: OpponentResponse) => void };

export class OpponentClient {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Content hashes the worker has compiled (it answered "ready"). */
  private readonly ready = new Map<string, Promise<boolean>>();
  /** Content hashes of scenarios the page opened from a file and checked (see customScenarios.ts). */
  private readonly checked = new Set<string>();
  /** Told how long each decision took, from the request to the answer (for `npm run bench`). */
  onDecided: ((ms: number, where: Decided['where']) => void) | null = null;

  /** The move for `state`, decided off the main thread when the browser allows it. */
  async decide(rules: Rules, hash: string, state: GameState, settings: OpponentSettings): Promise<Decided> {
    if (!this.broken && (await this.prepare(rules, hash))) {
      const asked = performance.now();
      const answer = await this.send({
        type: 'decide',
        id: this.nextId++,
        scenarioId: rules.scenario.id,
        hash,
        state,
        settings,
      });
      if (answer.type === 'decision') {
        this.onDecided?.(performance.now() - asked, 'worker');
        return { action: answer.action, where: 'worker' };
      }
      if (answer.type === 'error' && answer.code === 'no-move') throw new Error(answer.message);
    }
    const asked = performance.now();
    const action = await decideInPage(rules, state, settings);
    this.onDecided?.(performance.now() - asked, 'page');
    return { action, where: 'page' };
  }

  /** Vouches for a scenario the page checked: the worker accepts it although it was not built in. */
  markChecked(hash: string): void {
    this.checked.add(hash);
  }

  /** Sends the scenario to the worker once; false if the worker is unavailable. */
  private prepare(rules: Rules, hash: string): Promise<boolean> {
    let known = this.ready.get(hash);
    if (!known) {
      known = this.send({
        type: 'init',
        id: this.nextId++,
        scenarioId: rules.scenario.id,
        hash,
        scenario: rules.scenario,
        ...(this.checked.has(hash) ? { checked: true } : {}),
      }).then((answer) => answer.type === 'ready');
      this.ready.set(hash, known);
    }
    return known;
  }

  private send(request: OpponentRequest): Promise<OpponentResponse> {
    const worker = this.start();
    if (!worker) return Promise.resolve(lost(request.id, 'the opponent worker could not start'));
    return new Promise((resolve) => {
      this.waiting.set(request.id, { resolve });
      // a Worker's postMessage takes no target origin: it reaches only this worker
      // eslint-disable-next-line unicorn/require-post-message-target-origin
      worker.postMessage(request);
    });
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(workerUrl, { type: 'module', name: 'opponent' });
      worker.addEventListener('message', (event: MessageEvent<OpponentResponse>) => {
        const answer = event.data;
        if (answer.id === null) return;
        const entry = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        entry?.resolve(answer);
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.fail('the opponent worker stopped');
      });
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  /** The worker is gone: every open request is answered with an error, later ones run in the page. */
  private fail(message: string): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = null;
    this.ready.clear();
    for (const [id, entry] of this.waiting) entry.resolve(lost(id, message));
    this.waiting.clear();
  }
}

function lost(id: number, message: string): OpponentResponse {
  return { type: 'error', id, code: 'failed', message };
}

async function decideInPage(
  rules: Rules,
  state: GameState,
  settings: OpponentSettings,
): Promise<ChooseAction> {
  const { decide } = await import('../ai/decide.ts');
  const decision = decide(rules, state, settings);
  if (!decision.ok) throw new Error(decision.message);
  return decision.action;
}

let shared: OpponentClient | null = null;

/** The page's one opponent client (and so one worker), made when first needed. */
export function opponentClient(): OpponentClient {
  shared ??= new OpponentClient();
  return shared;
}
