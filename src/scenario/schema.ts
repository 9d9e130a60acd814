// The scenario file format, as a schema. Authors write YAML; this schema checks its shape and
// gives each problem a path. Cross-references (ids that must exist) are checked in crossCheck.ts.
import { z } from 'zod';
import { ACTORS, OUTCOMES, OWNERS, ROLES, STAGES, type Role, type Stage } from '../engine/vocabulary.ts';

/** Lowercase ids: letters, digits and dashes. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes, such as "shells-deal"');

/** Meter ids may be namespaced with a dot, e.g. "dprk.munitions". */
export const MeterIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/, 'a meter id such as "dprk.munitions" or "exposure"');

export const RoleSchema = z.enum(ROLES);
export const ActorSchema = z.enum(ACTORS);
export const StageSchema = z.enum(STAGES);

const Range = z
  .strictObject({
    atLeast: z.number().optional().describe('holds at this value or above'),
    atMost: z.number().optional().describe('holds at this value or below'),
  })
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, 'atLeast, atMost or both')
  .meta({ id: 'Range', description: 'A range of numbers: `atLeast`, `atMost` or both, each inclusive.' });

const StageRange = z
  .strictObject({
    atLeast: StageSchema.optional().describe('this stage or a later one'),
    atMost: StageSchema.optional().describe('this stage or an earlier one'),
  })
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, 'atLeast, atMost or both')
  .meta({ id: 'StageRange', description: 'A range on the alliance track, in its order.' });

/**
 * A condition: every key present must hold (an implicit "and"). `any` holds when one of its
 * conditions holds; `not` when its condition does not. An empty condition always holds.
 */
export interface Condition {
  meters?: Record<string, { atLeast?: number | undefined; atMost?: number | undefined }> | undefined;
  flags?: string[] | undefined;
  notFlags?: string[] | undefined;
  stage?: { atLeast?: Stage | undefined; atMost?: Stage | undefined } | undefined;
  turn?: { atLeast?: number | undefined; atMost?: number | undefined } | undefined;
  played?: string[] | undefined;
  notPlayed?: string[] | undefined;
  chose?: string[] | undefined;
  score?: Partial<Record<Role, { atLeast?: number | undefined; atMost?: number | undefined }>> | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      meters: z.record(MeterIdSchema, Range).optional().describe('each named meter within its range'),
      flags: z.array(IdSchema).optional().describe('every flag listed is set'),
      notFlags: z.array(IdSchema).optional().describe('no flag listed is set'),
      stage: StageRange.optional().describe('the alliance track within this range'),
      turn: Range.optional().describe('the month number, counted from 1'),
      played: z.array(IdSchema).optional().describe('every card listed has been played, by either side'),
      notPlayed: z.array(IdSchema).optional().describe('no card listed has been played'),
      chose: z
        .array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a "card-id/option-id" pair'))
        .optional()
        .describe('every `card-id/option-id` listed has been chosen'),
      score: z
        .partialRecord(RoleSchema, Range)
        .optional()
        .describe("a role's score (the points of its objectives that hold now) within the range"),
      any: z.array(ConditionSchema).min(1).optional().describe('at least one of these conditions holds'),
      not: ConditionSchema.optional().describe('this condition does not hold'),
    })
    .meta({
      id: 'Condition',
      description:
        'Every key present must hold (an implicit "and"); an empty or missing condition always holds.',
    }),
);

/** What happens: meter changes, flags, stage moves, and a line of text for the player. */
export interface Outcome {
  text?: string | undefined;
  effects?: Record<string, number> | undefined;
  flags?: string[] | undefined;
  clearFlags?: string[] | undefined;
  /** Moves the alliance forward to this stage (never backward). */
  stage?: Stage | undefined;
  /** Drops the alliance back to this stage (never forward). */
  stageFallsTo?: Stage | undefined;
  /** Extra outcomes that apply only when their condition holds at that moment. */
  if?: ConditionalOutcome[] | undefined;
}
export interface ConditionalOutcome extends Outcome {
  when: Condition;
}

const outcomeShape = {
  text: z.string().min(1).optional().describe('what the player reads once it happens'),
  effects: z
    .record(MeterIdSchema, z.number().finite())
    .optional()
    .describe("added to each meter named, then kept within the meter's min..max"),
  flags: z.array(IdSchema).optional().describe('flags to set'),
  clearFlags: z.array(IdSchema).optional().describe('flags to clear'),
  stage: StageSchema.optional().describe('moves the alliance forward to this stage (never back)'),
  stageFallsTo: StageSchema.optional().describe('drops the alliance back to this stage (never forward)'),
};

const ifField = () =>
  z
    .array(ConditionalOutcomeSchema)
    .optional()
    .describe('extra parts, each applied only when its `when` holds (judged before the outcome applies)');

export const ConditionalOutcomeSchema: z.ZodType<ConditionalOutcome> = z.lazy(() =>
  z
    .strictObject({
      when: ConditionSchema.describe('the part applies only when this holds'),
      ...outcomeShape,
      if: ifField(),
    })
    .meta({
      id: 'ConditionalOutcome',
      description: 'A part of an outcome that applies only when `when` holds.',
    }),
);

export const OutcomeSchema = z.strictObject({
  ...outcomeShape,
  if: ifField(),
});

/** An outcome that lands some turns later ("after: 1" = at the start of the next turn). */
export const DelayedOutcomeSchema = z
  .strictObject({
    after: z.number().int().min(1).max(24).describe('months later (1: at the start of the next month)'),
    ...OutcomeSchema.shape,
  })
  .meta({ id: 'DelayedOutcome', description: 'An outcome that lands some months after the choice.' });

/** One branch of a chance roll. Branches of one option are rolled once; their p sum to 1 or less. */
export const ChanceSchema = z
  .strictObject({
    p: z.number().gt(0).max(1).describe('its chance, a fraction of 1 (0.3 is 30 %)'),
    ...OutcomeSchema.shape,
  })
  .meta({
    id: 'Chance',
    description:
      "One branch of an option's chance roll: the branches are rolled once together, their `p` add up to 1 or less, and with the rest nothing extra happens.",
  });

export const OptionSchema = z
  .strictObject({
    id: IdSchema.describe('unique within its card'),
    label: z.string().min(1).max(80).describe('the button the player presses'),
    /** Shown before choosing; `text` (from the outcome) is shown after. */
    detail: z.string().min(1).optional().describe('shown before choosing (`text` is shown after)'),
    when: ConditionSchema.optional().describe('the option is open only while this holds'),
    ...OutcomeSchema.shape,
    later: z.array(DelayedOutcomeSchema).optional().describe('outcomes that land months later'),
    chances: z
      .array(ChanceSchema)
      .min(1)
      .refine((cs) => cs.reduce((s, c) => s + c.p, 0) <= 1 + 1e-9, 'chances whose p add up to 1 or less')
      .optional()
      .describe('branches of one roll, made when the option is chosen'),
    /** Sends an offer: the other role must answer this card (an offer card of theirs) next. */
    offer: IdSchema.optional().describe('an offer card of the other role, which must answer it next'),
  })
  .meta({
    id: 'Option',
    description:
      'One choice on a card. Only `id` and `label` are required: every other key is an outcome part, and an option with none changes nothing.',
  });

const sourced = {
  paragraphs: z
    .array(z.string().regex(/^p\d\d$/, 'a paragraph id such as "p07"'))
    .min(1)
    .describe('the paragraphs of scenarios/article.yaml it rests on'),
  /** Words quoted from the cited paragraphs, verbatim. */
  quote: z
    .string()
    .min(1)
    .optional()
    .describe('words copied verbatim from one of those paragraphs (same quotation marks and apostrophes)'),
};

export const CardSchema = z
  .strictObject({
    id: IdSchema.describe('unique among the cards'),
    role: RoleSchema.describe('who is dealt it (or, for an offer card, who answers it)'),
    title: z.string().min(1).max(80),
    text: z.string().min(1).describe('the situation, in plain words'),
    ...sourced,
    tradeoffs: z.array(IdSchema).min(1).describe('the trade-offs of scenarios/tradeoffs.yaml it plays'),
    when: ConditionSchema.optional().describe('it can be dealt only while this holds'),
    /** Relative chance of being dealt, default 1. */
    weight: z.number().gt(0).optional().describe('relative chance of being dealt (default 1)'),
    /** May be played again in later turns (default: once per game). */
    repeatable: z
      .boolean()
      .optional()
      .describe(
        'may be dealt again after it is played (default: once per game); no effect on an offer card, which arrives every time it is offered',
      ),
    /** An offer card is never dealt: it only arrives as the answer to another card's offer. */
    offer: z
      .boolean()
      .optional()
      .describe(
        "an offer card is never dealt: it arrives when an option of the other role's names it in `offer`",
      ),
    options: z.array(OptionSchema).min(2).max(3),
  })
  .meta({
    id: 'Card',
    description: 'A choice a role is dealt (or, with `offer: true`, is sent by the other side).',
  });

const eventShape = {
  ...OutcomeSchema.shape,
  id: IdSchema.describe('unique among the events and reactions'),
  title: z.string().min(1).max(80),
  /** The news as the player reads it. */
  text: z.string().min(1).describe('the news, as the player reads it'),
  ...sourced,
  when: ConditionSchema.optional().describe('it can fire only while this holds'),
  /** Chance per turn of firing while its condition holds; default 1 (it fires as soon as it can). */
  chance: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      'chance each month of firing while `when` holds, a fraction of 1 (default 1: as soon as it can)',
    ),
  repeatable: z.boolean().optional().describe('may fire again in later months (default: once per game)'),
};

export const EventSchema = z.strictObject(eventShape).meta({
  id: 'Event',
  description: 'News at the end of a month: events fire first, in file order, then reactions.',
});

export const ReactionSchema = z
  .strictObject({
    ...eventShape,
    actor: ActorSchema.describe(
      'who reacts: the United States, South Korea, Japan, China or the UN Security Council',
    ),
  })
  .meta({
    id: 'Reaction',
    description: 'An event with an actor: what another state does, at the end of a month.',
  });

export const EndingSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1).max(80),
    /** Whose story the ending tells. */
    role: z
      .enum(['kim', 'putin', 'both'])
      .describe(
        'whose story it tells; it changes no rule: the balance check wants every ending, whatever its role, reached when either side is played',
      ),
    /** collapse: ends the game as soon as it holds; final: chosen at the end, first match wins. */
    kind: z
      .enum(['collapse', 'final'])
      .describe(
        'collapse: ends the game as soon as `when` holds; final: tried in order after the last month',
      ),
    when: ConditionSchema.optional().describe('required for a collapse; absent on the last final ending'),
    result: z
      .strictObject({ kim: z.enum(OUTCOMES), putin: z.enum(OUTCOMES) })
      .describe('what each side got: win, draw or loss'),
    epilogue: z.string().min(1).describe('what happened next, tied to the article'),
    ...sourced,
  })
  .meta({ id: 'Ending', description: 'How a game ends.' });

export const ObjectiveSchema = z
  .strictObject({
    id: IdSchema,
    role: RoleSchema,
    text: z.string().min(1).describe('the goal, as the player reads it'),
    when: ConditionSchema.describe('met while this holds (it may not read the score)'),
    points: z.number().int().min(1).max(10).describe("added to the role's score while it is met"),
  })
  .meta({
    id: 'Objective',
    description: "A role's goal; its score is the sum of the points of its objectives met.",
  });

export const MeterSchema = z
  .strictObject({
    label: z.string().min(1).max(40).describe('its name on screen'),
    owner: z.enum(OWNERS).describe('whose panel shows it'),
    description: z.string().min(1).describe('what it measures'),
    min: z.number().default(0).describe('lowest value; effects stop there'),
    max: z.number().default(100).describe('highest value; effects stop there'),
    initial: z.number().describe('value at the start, from min to max'),
    /** Where the meter turns dangerous, at either end (shown to the player; the endings say what fails). */
    danger: z
      .strictObject({ low: z.number().optional(), high: z.number().optional() })
      .optional()
      .describe(
        'where it turns dangerous, `low` and/or `high` (shown to the player; endings say what fails)',
      ),
    /** Only its owner's player may see it in a two-player game. */
    private: z.boolean().optional().describe("hidden from the other side's player in a two-player game"),
  })
  .refine((m) => m.min < m.max, { message: 'min below max', path: ['max'] })
  .superRefine((m, ctx) => {
    if (m.min < m.max && (m.initial < m.min || m.initial > m.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['initial'],
        input: m.initial,
        // a whole sentence: zodIssues.ts shows it as it is
        params: { sentence: true },
        message: `initial ${m.initial} is outside the meter's range (${m.min} to ${m.max})`,
      });
    }
  })
  .meta({ id: 'Meter', description: 'A number the game tracks, such as munitions or exposure.' });

/** A "card-id/option-id" pair. */
const OptionKeySchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a "card-id/option-id" pair');

/** A weight in a personality: how much one unit (one meter point, one flag, one choice) is worth. */
const WeightSchema = z.number().finite().min(-1000).max(1000);

/**
 * A computer opponent's personality: what a leader values, as data. `weights` say how much one
 * point of a meter is worth to it (negative: it wants the meter low); `flags` and `options` what a
 * flag being set, or a choice having been made (by either side), is worth. Units are those of the
 * score: one objective met is worth 10.
 */
export const PersonalitySchema = z
  .strictObject({
    id: IdSchema,
    role: RoleSchema.describe('the side it plays'),
    name: z.string().min(1).max(60).describe('shown when choosing an opponent'),
    description: z.string().min(1),
    ...sourced,
    weights: z
      .record(MeterIdSchema, WeightSchema)
      .default({})
      .describe('what one point of a meter is worth to it (negative: it wants the meter low), -1000 to 1000'),
    flags: z.record(IdSchema, WeightSchema).default({}).describe('what a flag being set is worth'),
    options: z
      .record(OptionKeySchema, WeightSchema)
      .default({})
      .describe("what having made a choice is worth, as `card-id/option-id` (either side's choices)"),
  })
  .meta({
    id: 'Personality',
    description:
      "A character the computer opponent can play; values are in the score's units (one objective met is worth 10).",
  });

/**
 * A tip shown to the player on the play screen (the tutorial's teaching, mostly): at a hand or
 * after a move, the first time its condition holds. Hints explain; they never change the game.
 */
export const HintSchema = z
  .strictObject({
    id: IdSchema,
    /** Where it shows: above the hand to choose from, or with the outcome of a move. */
    at: z.enum(['hand', 'outcome']).default('hand').describe('above the hand, or with the outcome of a move'),
    when: ConditionSchema.optional().describe('shown the first time this holds'),
    text: z.string().min(1).max(400),
  })
  .meta({ id: 'Hint', description: 'A tip for the player, shown once; hints never change the game.' });

export const ScenarioSchema = z
  .strictObject({
    id: IdSchema.describe('the file name without `.scenario.yaml`, unique among the scenarios'),
    title: z.string().min(1).max(80).describe('shown on the title screen'),
    summary: z.string().min(1).describe('one or two sentences under the title'),
    briefing: z
      .strictObject({ text: z.string().min(1).describe('the situation before the first month'), ...sourced })
      .meta({
        id: 'Briefing',
        description: "The situation before the first month, with the article's words.",
      }),
    /** The first month, as YYYY-MM. */
    start: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, such as "2023-09"')
      .describe('the first month, as `"YYYY-MM"` (quoted)'),
    turns: z.number().int().min(1).max(60).describe('how many months the game lasts'),
    roles: z.array(RoleSchema).min(1).max(2).describe('the playable roles'),
    /** Who plays first each turn. */
    turnOrder: z.array(RoleSchema).length(2).optional().describe('who moves first each month (both roles)'),
    handSize: z.number().int().min(1).max(6).default(3).describe('cards dealt to each role each month'),
    meters: z
      .record(MeterIdSchema, MeterSchema)
      .describe('every meter, by id (`dprk.munitions`, `exposure`)'),
    initial: z
      .strictObject({
        stage: StageSchema.describe('where the alliance track starts'),
        flags: z.array(IdSchema).default([]).describe('flags set at the start'),
      })
      .meta({ id: 'Initial', description: 'How the world starts.' }),
    cards: z.array(CardSchema).min(1),
    events: z.array(EventSchema).default([]),
    reactions: z.array(ReactionSchema).default([]),
    objectives: z.array(ObjectiveSchema).default([]),
    endings: z
      .array(EndingSchema)
      .min(1)
      .describe('collapse endings, and final endings of which the last has no `when`'),
    questions: z.array(z.string().min(1)).default([]).describe('discussion questions for the debrief'),
    /** The computer opponent's personalities; the first of each role is its default. */
    personalities: z
      .array(PersonalitySchema)
      .default([])
      .describe("the computer opponent's characters; the first of each role is its default"),
    /** Tips for the player (optional; absent, a scenario's content hash is as it was before hints). */
    hints: z.array(HintSchema).optional().describe("tips for the player (the tutorial's teaching)"),
    /** A scenario that teaches the game: the title screen lists it first. */
    tutorial: z
      .boolean()
      .optional()
      .describe('a scenario that teaches the game: the title screen lists it first'),
  })
  .meta({ id: 'Scenario', description: 'The whole file.' });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Card = z.infer<typeof CardSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type GameEvent = z.infer<typeof EventSchema>;
export type Reaction = z.infer<typeof ReactionSchema>;
export type Ending = z.infer<typeof EndingSchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
export type MeterDef = z.infer<typeof MeterSchema>;
export type DelayedOutcome = z.infer<typeof DelayedOutcomeSchema>;
export type Chance = z.infer<typeof ChanceSchema>;
export type Personality = z.infer<typeof PersonalitySchema>;
export type Hint = z.infer<typeof HintSchema>;

export const ParagraphSchema = z.strictObject({
  id: z.string().regex(/^p\d\d$/),
  section: z.string().nullable(),
  text: z.string().min(1),
});
export const ArticleSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  date: z.string(),
  source: z.string(),
  publisher: z.string(),
  paragraphs: z.array(ParagraphSchema).min(1),
  captions: z.array(z.strictObject({ before: z.string(), text: z.string() })).default([]),
});
export type Article = z.infer<typeof ArticleSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const TradeoffSchema = z.strictObject({
  id: IdSchema,
  statement: z.string().min(1),
  faces: z.enum([...ROLES, ...ACTORS]),
  paragraphs: z.array(z.string().regex(/^p\d\d$/)).min(1),
});
export const TradeoffCatalogueSchema = z.strictObject({ tradeoffs: z.array(TradeoffSchema).min(1) });
export type Tradeoff = z.infer<typeof TradeoffSchema>;
