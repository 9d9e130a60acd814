import { setKeymap } from '../ui/keys.ts';
import { showScreen } from '../ui/root.ts';
import { renderBriefing } from '../ui/screens/briefing.ts';
import { lastTitleChoice, sessionFor } from './flow.ts';
import { SCENES } from './keys.ts';
import { HtmlScene } from './router.ts';

/** An HTML screen (router.ts): it appears and works before Phaser has loaded. */
export class BriefingScene extends HtmlScene {
  constructor() {
    super(SCENES.briefing);
  }

  create(): void {
    const choice = lastTitleChoice();
    const session = choice ? sessionFor(choice) : null;
    if (!choice || !session) {
      this.scene.start(SCENES.title);
      return;
    }
    const begin = () => this.scene.start(SCENES.play);
    const back = () => this.scene.start(SCENES.title);
    setKeymap([
      { keys: ['Enter'], shown: 'Enter', action: 'Begin', run: begin },
      { keys: ['Escape'], shown: 'Esc', action: 'Back to the title', run: back },
    ]);
    showScreen(
      renderBriefing({
        scenario: session.scenario,
        humanRoles: session.humanRoles,
        seed: choice.seed,
        onBegin: begin,
        onBack: back,
      }),
    );
  }
}
