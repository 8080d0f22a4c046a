import { entityTable } from "@pva/medusa-kit"
import { ArchetypeQuestion } from "../models/archetype-question"
import { ArchetypeQuiz } from "../models/archetype-quiz"
import { ArchetypeResult } from "../models/archetype-result"
import { archetypeCategoryAffinityTable } from "./archetype-category-affinity"
import { archetypeOrderSignalTable, archetypeProductCopurchaseTable, archetypeProductPopularityTable } from "./signals"

/**
 * Every table this plugin's migrations make: those described in src/db, and the quiz, its
 * questions and results, whose one description is their TypeORM entity in src/models (the
 * services read and write them through repositories).
 */
export const ARCHETYPE_TABLES = [
  entityTable(ArchetypeQuiz),
  entityTable(ArchetypeQuestion),
  entityTable(ArchetypeResult),
  archetypeCategoryAffinityTable,
  archetypeProductCopurchaseTable,
  archetypeProductPopularityTable,
  archetypeOrderSignalTable,
]
