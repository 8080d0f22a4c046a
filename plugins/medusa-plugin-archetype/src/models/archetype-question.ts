import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import type { Weights } from "../lib/archetypes"

/** A question answered on a 1–5 scale, weighing one or more archetypes. */
@Entity()
export class ArchetypeQuestion extends BaseEntity {
  @Column({ type: "text" })
  quiz_id!: string

  @Column({ type: "int" })
  position!: number

  @Column({ type: "text" })
  prompt!: string

  @Column({ type: "jsonb" })
  weights!: Partial<Weights>

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "aqst")
  }
}
