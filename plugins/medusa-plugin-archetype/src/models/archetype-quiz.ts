import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import type { ArchetypeQuestion } from "./archetype-question"

/** One published version of the quiz. Editing publishes a new version; old results keep theirs. */
@Entity()
export class ArchetypeQuiz extends BaseEntity {
  @Column({ type: "int" })
  version!: number

  @Column({ type: "text" })
  title!: string

  @Column({ type: "boolean", default: false })
  is_active!: boolean

  /** Filled by the quiz service from archetype_question (by quiz_id, in order), not by TypeORM. */
  questions!: ArchetypeQuestion[]

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "aquiz")
  }
}
