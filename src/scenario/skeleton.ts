// The starting point `npm run new-scenario -- ID` writes: a small scenario that passes
// `scenarios:check` and plays to an ending, with a comment on every part an author will change.
// Every quote is copied from scenarios/article.yaml (tests check the whole file, quotes included).
import { IdSchema } from './schema.ts';

/** "border-talks" → "Border talks". */
export function titleOf(id: string): string {
  const words = id.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Null if `id` can name a scenario, else why not. */
export function badScenarioId(id: string): string | null {
  if (IdSchema.safeParse(id).success) return null;
  return `"${id}" cannot be a scenario id: use lowercase letters, digits and dashes, starting with a letter or digit, such as "border-talks"`;
}

export function skeletonScenario(id: string): string {
  return `# ${titleOf(id)}: a new scenario. The file name must be its id: ${id}.scenario.yaml.
# Check it with: npm run scenarios:check -- scenarios/${id}.scenario.yaml
# Balance it with: npm run balance -- --scenario ${id}
# The guide: docs/authoring.md; every key: docs/scenario-format.md.
id: ${id}
title: ${titleOf(id)}
summary: Kim has shells, Putin needs them. Four months to strike a deal without it going public.
briefing:
  text: Moscow needs shells for the war in Ukraine; Pyongyang has more than it needs, and needs money.
  paragraphs: [p04, p05]
  quote: Moscow desperately needs weapons
start: "2023-09"
turns: 4
roles: [kim, putin]
turnOrder: [kim, putin]
handSize: 2

# Every meter the cards move. "owner" decides whose panel shows it; "danger" shades its ends.
meters:
  dprk.munitions:
    label: Munitions
    owner: dprk
    description: Shells and bombs in North Korea's stores.
    initial: 60
    danger: { low: 20 }
    private: true
  dprk.currency:
    label: Hard currency
    owner: dprk
    description: Money from abroad, scarce under sanctions.
    initial: 20
    danger: { low: 10 }
  russia.shells:
    label: Shells at the front
    owner: russia
    description: Russia's front-line supply of artillery shells.
    initial: 30
    danger: { low: 15 }
  exposure:
    label: Exposure
    owner: shared
    description: How public the deal is.
    initial: 10
    danger: { high: 80 }

initial:
  stage: denial
  flags: []

# Cards: each cites the paragraphs it rests on and the trade-offs (scenarios/tradeoffs.yaml) it plays.
cards:
  - id: sell-shells
    role: kim
    title: Sell shells to Moscow
    text: Russia's front is short of shells, and your stores are full. Selling brings money, and attention.
    paragraphs: [p04]
    tradeoffs: [shells-for-money]
    quote: Pyongyang, for its part, has an excess of both
    repeatable: true
    options:
      - id: sell
        label: Send a trainload of shells
        detail: Money for the stores; the world may notice.
        when: { meters: { dprk.munitions: { atLeast: 20 } } }
        effects: { dprk.munitions: -20, dprk.currency: 15, russia.shells: 20, exposure: 15 }
        stage: contacts
        flags: [shells-sold]
        text: The wagons roll north at night.
      - id: keep
        label: Keep them for the South
        effects: { dprk.currency: -5, russia.shells: -5 }
        text: The stores stay full; the treasury stays empty.
  - id: name-the-price
    role: kim
    title: Name your price
    text: Moscow needs you more than you need Moscow. Ask for more than money?
    paragraphs: [p09]
    tradeoffs: [press-for-higher-price]
    quote: Kim could command a higher price
    when: { flags: [shells-sold] }
    options:
      - id: ask
        label: Ask Putin for more
        detail: Putin must answer.
        offer: answer-price
        effects: { exposure: 5 }
      - id: settle
        label: Take what is offered
        effects: { dprk.currency: 5 }
  - id: stay-quiet
    role: kim
    title: Say nothing
    text: Both sides deny any deal. Keep it that way?
    paragraphs: [p30, p31]
    tradeoffs: [deny-the-deal]
    quote: North Korea and Russia have so far denied any suggestion
    options:
      - id: deny
        label: Deny everything
        effects: { exposure: -10, dprk.currency: -5 }
      - id: boast
        label: Let the world wonder
        effects: { exposure: 10, dprk.currency: 5 }
  - id: buy-shells
    role: putin
    title: Shells for the front
    text: The front burns through shells faster than Russia makes them.
    paragraphs: [p04]
    tradeoffs: [buy-shells-at-a-price]
    quote: particularly artillery ammunition and bombs
    repeatable: true
    options:
      - id: buy
        label: Buy from Pyongyang
        effects: { russia.shells: 15, dprk.currency: 10, exposure: 10 }
      - id: ration
        label: Ration what you have
        effects: { russia.shells: -15 }
  - id: deny-the-deal
    role: putin
    title: Questions from the press
    text: Reporters ask about trains crossing the border.
    paragraphs: [p30]
    tradeoffs: [deny-the-deal]
    when: { meters: { exposure: { atLeast: 20 } } }
    options:
      - id: deny
        label: Deny it flatly
        effects: { exposure: -10, russia.shells: -5 }
      - id: shrug
        label: Shrug it off
        effects: { exposure: 10, russia.shells: 5 }
  # An offer card is never dealt: it arrives when Kim picks "name-the-price/ask".
  - id: answer-price
    role: putin
    title: Kim names his price
    text: Kim wants more than money for his shells.
    paragraphs: [p09, p22]
    tradeoffs: [buy-shells-at-a-price]
    offer: true
    options:
      - id: pay
        label: Pay what he asks
        effects: { dprk.currency: 20, russia.shells: 10 }
      - id: refuse
        label: Refuse
        effects: { russia.shells: -10 }

# Events fire at the end of a month once their condition holds (once each unless repeatable).
events:
  - id: us-publishes
    title: Washington goes public
    text: The US publishes what its intelligence knows about the shells.
    paragraphs: [p29]
    quote: publish intelligence to try to prevent agreements
    when: { meters: { exposure: { atLeast: 40 } } }
    chance: 0.5
    effects: { exposure: 20 }

# A role's score counts the points of its objectives that hold; the endings below read it.
objectives:
  - id: kim-cash
    role: kim
    text: Fill the treasury with hard currency.
    when: { meters: { dprk.currency: { atLeast: 45 } } }
    points: 2
  - id: putin-front
    role: putin
    text: Keep the front supplied.
    when: { meters: { russia.shells: { atLeast: 45 } } }
    points: 2

# Collapse endings end the game the moment they hold; final endings are tried in order after the
# last month, the first that holds wins, and the last has no "when".
endings:
  - id: front-collapses
    title: The front runs dry
    role: putin
    kind: collapse
    when: { meters: { russia.shells: { atMost: 0 } } }
    result: { kim: draw, putin: loss }
    epilogue: No shells reach the front, and Moscow's offensive stalls.
    paragraphs: [p04]
  - id: exposed
    title: The deal is exposed
    role: both
    kind: collapse
    when: { meters: { exposure: { atLeast: 100 } } }
    result: { kim: loss, putin: loss }
    epilogue: The whole world knows, and neither side wanted that.
    paragraphs: [p31]
  - id: both-gain
    title: Both sides gain
    role: both
    kind: final
    when: { score: { kim: { atLeast: 2 }, putin: { atLeast: 2 } } }
    result: { kim: win, putin: win }
    epilogue: The deal made the transactional sense the article saw in it.
    paragraphs: [p03]
  - id: kim-gains
    title: Kim made it pay
    role: kim
    kind: final
    when: { score: { kim: { atLeast: 2 } } }
    result: { kim: win, putin: draw }
    epilogue: Pyongyang's treasury is fuller than it has been in years.
    paragraphs: [p05, p09]
  - id: putin-gains
    title: The front is supplied
    role: putin
    kind: final
    when: { score: { putin: { atLeast: 2 } } }
    result: { kim: draw, putin: win }
    epilogue: Moscow got its shells, cheaply.
    paragraphs: [p04]
  - id: no-deal
    title: Nothing much changed
    role: both
    kind: final
    result: { kim: draw, putin: draw }
    epilogue: Both sides went on denying everything.
    paragraphs: [p30]

questions:
  - What did each side gain, and what did it risk?
  - Why might neither side want the deal made public?
`;
}
