export { ARCHETYPES, ARCHETYPE_PROFILES, DEFAULT_CATEGORY_AFFINITY, type Archetype } from "./lib/archetypes"
export { scoreAnswers } from "./lib/scoring"
export { SEED_QUESTIONS, QUIZ_TITLE } from "./seed/quiz"
export { RESULT_TOKEN_HEADER } from "./api/middlewares"
// Read functions other plugins use instead of reading this plugin's tables themselves.
export { categoryIdsOfArchetype } from "./db/archetype-category-affinity"

/** Installs the first quiz and the default category affinity; safe to run on every seed. */
export async function seedArchetype(container: any): Promise<{ quiz: boolean; affinities: number }> {
  const quiz = await container.resolve("archetypeQuizService").seedIfEmpty()
  const affinities = await container.resolve("categoryAffinityService").seedDefaults()
  return { quiz, affinities }
}
export { quizResultsPerDay, type QuizResultsDay } from "./read/quiz-results"
