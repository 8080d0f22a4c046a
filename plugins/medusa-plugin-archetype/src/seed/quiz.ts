import type { Weights } from "../lib/archetypes"

export type QuestionDraft = { prompt: string; weights: Partial<Weights> }

export const QUIZ_TITLE = "Which PVA archetype are you?"

/**
 * The first published quiz: three questions lean to each archetype, and some also
 * weigh a second one, because real tastes overlap (a collector who plans is part
 * Guardian, part Strategist).
 */
export const SEED_QUESTIONS: QuestionDraft[] = [
  { prompt: "I would rather own one heirloom piece than many trendy ones.", weights: { guardian: 1 } },
  { prompt: "I like to know exactly which mine and cooperative a stone came from before I buy it.", weights: { guardian: 0.6, strategist: 0.6 } },
  { prompt: "A gift should protect or comfort the person who receives it.", weights: { guardian: 1 } },
  { prompt: "I am drawn to rough, uncut stones that still look like the earth they came from.", weights: { pioneer: 1 } },
  { prompt: "I collect objects from the places I have travelled to.", weights: { pioneer: 1 } },
  { prompt: "I would happily try a gemstone I have never heard of.", weights: { pioneer: 0.7, visionary: 0.5 } },
  { prompt: "Before a big purchase I compare carat, clarity and price per carat.", weights: { strategist: 1 } },
  { prompt: "My desk and shelves are organised so every piece has its place.", weights: { strategist: 1 } },
  { prompt: "I enjoy games and puzzles that reward thinking several moves ahead.", weights: { strategist: 0.8, guardian: 0.3 } },
  { prompt: "I see a raw stone and imagine what an artisan could make of it.", weights: { visionary: 1 } },
  { prompt: "I keep something beautiful near where I work to spark new ideas.", weights: { visionary: 1 } },
  { prompt: "I like pieces that mix traditional craft with new materials or technology.", weights: { visionary: 0.8, pioneer: 0.4 } },
]
