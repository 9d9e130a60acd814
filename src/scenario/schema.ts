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
  .strictObject({ atLeast: z.number().optional(), atMost: z.number().optional() })
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, 'atLeast, atMost or both');

const StageRange = z
  .strictObject({ atLeast: StageSchema.optional(), atMost: StageSchema.optional() })
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, 'atLeast, atMost or both');

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
  z.strictObject({
    meters: z.record(MeterIdSchema, Range).optional(),
    flags: z.array(IdSchema).optional(),
    notFlags: z.array(IdSchema).optional(),
    stage: StageRange.optional(),
    turn: Range.optional(),
    played: z.array(IdSchema).optional(),
    notPlayed: z.array(IdSchema).optional(),
    chose: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a "card-id/option-id" pair')).optional(),
    score: z.partialRecord(RoleSchema, Range).optional(),
    any: z.array(ConditionSchema).min(1).optional(),
    not: ConditionSchema.optional(),
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
  text: z.string().min(1).optional(),
  effects: z.record(MeterIdSchema, z.number().finite()).optional(),
  flags: z.array(IdSchema).optional(),
  clearFlags: z.array(IdSchema).optional(),
  stage: StageSchema.optional(),
  stageFallsTo: StageSchema.optional(),
};

export const ConditionalOutcomeSchema: z.ZodType<ConditionalOutcome> = z.lazy(() =>
  z.strictObject({
    when: ConditionSchema,
    ...outcomeShape,
    if: z.array(ConditionalOutcomeSchema).optional(),
  }),
);

export const OutcomeSchema = z.strictObject({
  ...outcomeShape,
  if: z.array(ConditionalOutcomeSchema).optional(),
});

/** An outcome that lands some turns later ("after: 1" = at the start of the next turn). */
export const DelayedOutcomeSchema = z.strictObject({
  after: z.number().int().min(1).max(24),
  ...OutcomeSchema.shape,
});

/** One branch of a chance roll. Branches of one option are rolled once; their p sum to 1 or less. */
export const ChanceSchema = z.strictObject({
  p: z.number().gt(0).max(1),
  ...OutcomeSchema.shape,
});

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1).max(80),
  /** Shown before choosing; `text` (from the outcome) is shown after. */
  detail: z.string().min(1).optional(),
  when: ConditionSchema.optional(),
  ...OutcomeSchema.shape,
  later: z.array(DelayedOutcomeSchema).optional(),
  chances: z
    .array(ChanceSchema)
    .min(1)
    .refine((cs) => cs.reduce((s, c) => s + c.p, 0) <= 1 + 1e-9, 'chances whose p add up to 1 or less')
    .optional(),
  /** Sends an offer: the other role must answer this card (an offer card of theirs) next. */
  offer: IdSchema.optional(),
});

const sourced = {
  paragraphs: z.array(z.string().regex(/^p\d\d$/, 'a paragraph id such as "p07"')).min(1),
  /** Words quoted from the cited paragraphs, verbatim. */
  quote: z.string().min(1).optional(),
};

export const CardSchema = z.strictObject({
  id: IdSchema,
  role: RoleSchema,
  title: z.string().min(1).max(80),
  text: z.string().min(1),
  ...sourced,
  tradeoffs: z.array(IdSchema).min(1),
  when: ConditionSchema.optional(),
  /** Relative chance of being dealt, default 1. */
  weight: z.number().gt(0).optional(),
  /** May be played again in later turns (default: once per game). */
  repeatable: z.boolean().optional(),
  /** An offer card is never dealt: it only arrives as the answer to another card's offer. */
  offer: z.boolean().optional(),
  options: z.array(OptionSchema).min(2).max(3),
});

export const EventSchema = z.strictObject({
  ...OutcomeSchema.shape,
  id: IdSchema,
  title: z.string().min(1).max(80),
  /** The news as the player reads it. */
  text: z.string().min(1),
  ...sourced,
  when: ConditionSchema.optional(),
  /** Chance per turn of firing while its condition holds; default 1 (it fires as soon as it can). */
  chance: z.number().gt(0).max(1).optional(),
  repeatable: z.boolean().optional(),
});

export const ReactionSchema = EventSchema.extend({ actor: ActorSchema });

export const EndingSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(80),
  /** Whose story the ending tells. */
  role: z.enum(['kim', 'putin', 'both']),
  /** collapse: ends the game as soon as it holds; final: chosen at the end, first match wins. */
  kind: z.enum(['collapse', 'final']),
  when: ConditionSchema.optional(),
  result: z.strictObject({ kim: z.enum(OUTCOMES), putin: z.enum(OUTCOMES) }),
  epilogue: z.string().min(1),
  ...sourced,
});

export const ObjectiveSchema = z.strictObject({
  id: IdSchema,
  role: RoleSchema,
  text: z.string().min(1),
  when: ConditionSchema,
  points: z.number().int().min(1).max(10),
});

export const MeterSchema = z
  .strictObject({
    label: z.string().min(1).max(40),
    owner: z.enum(OWNERS),
    description: z.string().min(1),
    min: z.number().default(0),
    max: z.number().default(100),
    initial: z.number(),
    /** Where the meter turns dangerous, at either end (shown to the player; the endings say what fails). */
    danger: z.strictObject({ low: z.number().optional(), high: z.number().optional() }).optional(),
    /** Only its owner's player may see it in a two-player game. */
    private: z.boolean().optional(),
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
  });

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
export const PersonalitySchema = z.strictObject({
  id: IdSchema,
  role: RoleSchema,
  name: z.string().min(1).max(60),
  description: z.string().min(1),
  ...sourced,
  weights: z.record(MeterIdSchema, WeightSchema).default({}),
  flags: z.record(IdSchema, WeightSchema).default({}),
  options: z.record(OptionKeySchema, WeightSchema).default({}),
});

/**
 * A tip shown to the player on the play screen (the tutorial's teaching, mostly): at a hand or
 * after a move, the first time its condition holds. Hints explain; they never change the game.
 */
export const HintSchema = z.strictObject({
  id: IdSchema,
  /** Where it shows: above the hand to choose from, or with the outcome of a move. */
  at: z.enum(['hand', 'outcome']).default('hand'),
  when: ConditionSchema.optional(),
  text: z.string().min(1).max(400),
});

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(80),
  summary: z.string().min(1),
  briefing: z.strictObject({ text: z.string().min(1), ...sourced }),
  /** The first month, as YYYY-MM. */
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, such as "2023-09"'),
  turns: z.number().int().min(1).max(60),
  roles: z.array(RoleSchema).min(1).max(2),
  /** Who plays first each turn. */
  turnOrder: z.array(RoleSchema).length(2).optional(),
  handSize: z.number().int().min(1).max(6).default(3),
  meters: z.record(MeterIdSchema, MeterSchema),
  initial: z.strictObject({ stage: StageSchema, flags: z.array(IdSchema).default([]) }),
  cards: z.array(CardSchema).min(1),
  events: z.array(EventSchema).default([]),
  reactions: z.array(ReactionSchema).default([]),
  objectives: z.array(ObjectiveSchema).default([]),
  endings: z.array(EndingSchema).min(1),
  questions: z.array(z.string().min(1)).default([]),
  /** The computer opponent's personalities; the first of each role is its default. */
  personalities: z.array(PersonalitySchema).default([]),
  /** Tips for the player (optional; absent, a scenario's content hash is as it was before hints). */
  hints: z.array(HintSchema).optional(),
  /** A scenario that teaches the game: the title screen lists it first. */
  tutorial: z.boolean().optional(),
});

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
