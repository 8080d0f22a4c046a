import { archetypeCategoryAffinityTable } from "./archetype-category-affinity"
import { archetypeOrderSignalTable, archetypeProductCopurchaseTable, archetypeProductPopularityTable } from "./signals"

/**
 * The archetype tables described in src/db (the quiz, its questions and results are TypeORM
 * entities in src/models, which the services read and write through repositories).
 */
export const ARCHETYPE_TABLES = [archetypeCategoryAffinityTable, archetypeProductCopurchaseTable, archetypeProductPopularityTable, archetypeOrderSignalTable]
