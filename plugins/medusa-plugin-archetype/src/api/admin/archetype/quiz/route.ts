import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ArchetypeQuizService from "../../../../services/archetype-quiz"

/** The active quiz with its weights, and every version published so far. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const quizzes: ArchetypeQuizService = req.scope.resolve("archetypeQuizService")
  res.json({ quiz: await quizzes.retrieveActive(), versions: await quizzes.listVersions() })
}

/** Publishes the edited questions as a new version; results keep the version they answered. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const quizzes: ArchetypeQuizService = req.scope.resolve("archetypeQuizService")
  res.status(201).json({ quiz: await quizzes.publish(req.body) })
}
