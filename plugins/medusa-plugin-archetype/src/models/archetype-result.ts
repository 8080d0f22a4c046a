import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import type { Archetype } from "../lib/archetypes"
import type { Answer, Scores } from "../lib/scoring"

/**
 * A scored quiz submission. Anonymous results carry only the hash of the token handed
 * to the shopper, so a leaked table cannot be used to claim someone's result.
 */
@Entity()
export class ArchetypeResult extends BaseEntity {
  @Column({ type: "text" })
  quiz_id!: string

  @Column({ type: "text", nullable: true })
  customer_id!: string | null

  @Column({ type: "text", nullable: true })
  token_hash!: string | null

  @Column({ type: "text" })
  archetype!: Archetype

  @Column({ type: "jsonb" })
  scores!: Scores

  @Column({ type: "jsonb" })
  answers!: Answer[]

  @Column({ type: "timestamptz", nullable: true })
  attached_at!: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "ares")
  }
}
