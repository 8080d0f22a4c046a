import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ArchetypeQuizService from "../../../../services/archetype-quiz"

/** The active quiz; weights stay on the server so answers cannot be gamed. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const quizzes: ArchetypeQuizService = req.scope.resolve("archetypeQuizService")
  const quiz = await quizzes.retrieveActive()
  res.json({
    quiz: {
      id: quiz.id,
      version: quiz.version,
      title: quiz.title,
      scale: { min: 1, max: 5 },
      questions: quiz.questions.map((q) => ({ id: q.id, position: q.position, prompt: q.prompt })),
    },
  })
}
