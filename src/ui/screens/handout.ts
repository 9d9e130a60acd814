// The class handout: one printable page for the students. How to join (the code and the link),
// the situation in the article's own words, who plays what and what each side is after, the rules
// in brief, and the questions for discussion. Printing shows the sheet alone, black on white
// (src/styles/classroom-setup.css).
// the teacher's screens bring their own styles: they load with these screens, not with the game
import '../../styles/classroom-setup.css';
import { content } from '../../bridge/content.ts';
import type { Role } from '../../engine/index.ts';
import type { ClassSession } from '../../classroom/session.ts';
import type { Article, Paragraph, Scenario } from '../../scenario/schema.ts';
import { h } from '../dom.ts';
import { highlight, paragraphNumber, ROLE_NAMES } from '../source.ts';
import { ROLE_STATES } from './briefing.ts';
import { codeBlock, computerWords, PLAN_TEXT, timerWords } from './classSetup.ts';

export interface HandoutContext {
  scenario: Scenario;
  session: ClassSession;
  code: string;
  link: string;
  /** The article's paragraph by id (the page's `content.paragraph`). */
  paragraph(id: string): Paragraph | undefined;
  /** The article the source line names; the shipped one if not given. */
  article?: Pick<Article, 'title' | 'publisher' | 'date' | 'source'>;
  onPrint(): void;
  onBack(): void;
}

/** The rules, for a class reading them for the first time. */
const RULES = [
  'The game goes month by month. Each month, each side plays one card from its hand and picks one of its options.',
  'Every option is a trade-off: it moves some meters up and others down. A meter can fail at either end, too low or too high.',
  'Some effects come later: a choice can come back months after it was made.',
  'Some options are offers to the other side, which answers them on its next move.',
  'The world answers too: news and other countries’ reactions move the meters.',
  'The game ends after the last month, or earlier if a meter collapses. The ending says how each side did; the aims each side met are its points.',
  'Every card cites the article: press Source to read the exact words it rests on.',
];

/** Who plays `role` under the session's plan, and whether that is the students or the computer. */
function playedBy(session: ClassSession, role: Role): { by: 'students' | 'computer'; text: string } {
  const computer = `The computer (${computerWords(session)}).`;
  switch (session.roles) {
    case 'all-kim':
      return role === 'kim' ? { by: 'students', text: 'Every student.' } : { by: 'computer', text: computer };
    case 'all-putin':
      return role === 'putin'
        ? { by: 'students', text: 'Every student.' }
        : { by: 'computer', text: computer };
    case 'pairs':
      return {
        by: 'students',
        text: role === 'kim' ? 'One student of each pair.' : 'The other student of the pair.',
      };
    case 'half-and-half':
      return {
        by: 'students',
        text:
          role === 'kim'
            ? 'Students with an odd number on the class list (1, 3, 5…), against the computer.'
            : 'Students with an even number on the class list (2, 4, 6…), against the computer.',
      };
  }
}

function rolesSection(scenario: Scenario, session: ClassSession): HTMLElement {
  const blocks = scenario.roles.map((role) => {
    const { by, text } = playedBy(session, role);
    const aims = scenario.objectives.filter((o) => o.role === role);
    return h(
      'section',
      { class: `handout-role role-${role}`, 'data-role': role, 'data-played-by': by },
      h('h3', {}, `${ROLE_NAMES[role]} · ${ROLE_STATES[role]}`),
      h('p', { class: 'handout-played-by' }, h('strong', {}, 'Played by: '), text),
      aims.length === 0
        ? h('p', {}, 'This side has no aims set in this scenario.')
        : [
            h('p', { class: 'handout-aims' }, 'What counts:'),
            h('ul', {}, ...aims.map((o) => h('li', {}, o.text))),
          ],
    );
  });
  return h(
    'section',
    { class: 'handout-section handout-roles', 'aria-labelledby': 'handout-roles' },
    h('h2', { id: 'handout-roles' }, 'The roles'),
    h('p', {}, h('strong', {}, `${PLAN_TEXT[session.roles].name}. `), PLAN_TEXT[session.roles].blurb),
    session.roles === 'half-and-half'
      ? h(
          'p',
          { class: 'handout-note' },
          'A student who joins with a name instead of a number is given a side drawn from the name; the game says which.',
        )
      : null,
    h('div', { class: 'handout-role-grid' }, ...blocks),
  );
}

function situationSection(ctx: HandoutContext): HTMLElement {
  const { briefing } = ctx.scenario;
  const quote = briefing.quote?.trim() ? briefing.quote : undefined;
  const cited = briefing.paragraphs.map((id) => ({ id, paragraph: ctx.paragraph(id) }));
  const quoteFound = quote !== undefined && cited.some((c) => c.paragraph?.text.includes(quote));
  return h(
    'section',
    { class: 'handout-section handout-situation', 'aria-labelledby': 'handout-situation' },
    h('h2', { id: 'handout-situation' }, 'The situation'),
    h('p', { class: 'handout-briefing' }, briefing.text),
    quote !== undefined && !quoteFound ? h('blockquote', { class: 'handout-quote' }, `“${quote}”`) : null,
    h('h3', {}, 'In the article’s words'),
    quoteFound ? h('p', { class: 'handout-note' }, 'The words the game quotes are marked.') : null,
    h(
      'ol',
      { class: 'handout-paragraphs' },
      ...cited.map(({ id, paragraph }) => {
        const number = paragraphNumber(id);
        const where = `Paragraph ${Number.isFinite(number) ? number : id}${paragraph?.section ? ` · ${paragraph.section}` : ''}`;
        return h(
          'li',
          { class: 'handout-paragraph', 'data-paragraph': id },
          h('span', { class: 'handout-where' }, where),
          paragraph
            ? h(
                'span',
                { class: 'handout-paragraph-text' },
                highlight(paragraph.text, quoteFound ? quote : undefined),
              )
            : h('span', { class: 'handout-note' }, `Paragraph ${id} is not in the article.`),
        );
      }),
    ),
  );
}

/** The printable handout of a class session. */
export function renderHandout(ctx: HandoutContext): HTMLElement {
  const { scenario, session } = ctx;
  const article = ctx.article ?? content.article;
  const facts = [
    `World ${session.seed}`,
    session.turnSeconds === null ? 'no turn timer' : `${timerWords(session.turnSeconds)} a move`,
    `${scenario.turns} months`,
  ];
  const sheet = h(
    'article',
    { class: 'handout-sheet', 'aria-labelledby': 'handout-title' },
    h(
      'header',
      { class: 'handout-header' },
      h('p', { class: 'handout-kicker' }, 'Shells for Oil · class handout'),
      h('h1', { id: 'handout-title' }, scenario.title),
      session.title === undefined ? null : h('p', { class: 'handout-class' }, session.title),
      h('p', { class: 'handout-facts' }, facts.join(' · ')),
    ),
    h(
      'section',
      { class: 'handout-section handout-join', 'aria-labelledby': 'handout-join' },
      h('h2', { id: 'handout-join' }, 'How to join'),
      h(
        'ol',
        {},
        h('li', {}, 'Open the game and choose “Join a class” on the title screen, or open the class link.'),
        h('li', {}, 'Type the class code:', codeBlock(ctx.code)),
        h('li', {}, 'Type your name or your team’s name, as your teacher asks.'),
        h(
          'li',
          {},
          'At the end, hand in your result: save the result file, or copy the result code, and give it to your teacher.',
        ),
      ),
      h('p', { class: 'handout-link' }, h('span', { class: 'handout-where' }, 'Class link'), ctx.link),
    ),
    situationSection(ctx),
    rolesSection(scenario, session),
    h(
      'section',
      { class: 'handout-section handout-rules', 'aria-labelledby': 'handout-rules' },
      h('h2', { id: 'handout-rules' }, 'The rules in brief'),
      h('ul', {}, ...RULES.map((rule) => h('li', {}, rule))),
    ),
    scenario.questions.length === 0
      ? null
      : h(
          'section',
          { class: 'handout-section handout-questions', 'aria-labelledby': 'handout-questions' },
          h('h2', { id: 'handout-questions' }, 'Questions for discussion'),
          h('ol', {}, ...scenario.questions.map((q) => h('li', {}, q))),
        ),
    h(
      'footer',
      { class: 'handout-footer' },
      [`Source: “${article.title}”`, article.publisher, article.date].filter(Boolean).join(', ') + '.',
      article.source ? ` ${article.source}` : null,
    ),
  );
  return h(
    'div',
    { class: 'page handout-page' },
    h(
      'div',
      { class: 'handout-actions' },
      h('button', { type: 'button', class: 'primary handout-print', onclick: () => ctx.onPrint() }, 'Print'),
      h('button', { type: 'button', class: 'handout-back', onclick: () => ctx.onBack() }, 'Back'),
    ),
    h('main', { class: 'handout-main' }, sheet),
  );
}
