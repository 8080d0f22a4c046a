import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"

export type KycDecisionKind = "approved" | "rejected" | "revoked"

/** One admin decision on an application; never updated or deleted, so the history is complete. */
@Entity({ name: "fractional_kyc_decision" })
export class KycDecision {
  @PrimaryColumn({ type: "text" }) id!: string
  @Column({ type: "text" }) application_id!: string
  @Column({ type: "text" }) decision!: KycDecisionKind
  @Column({ type: "text" }) note!: string
  /** The admin user's id. */
  @Column({ type: "text" }) decided_by!: string
  @CreateDateColumn({ type: "timestamptz" }) created_at!: Date

  static newId(): string {
    return generateEntityId(undefined, "kycdec")
  }
}
