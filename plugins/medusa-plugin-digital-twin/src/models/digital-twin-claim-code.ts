import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm"

/** Only the hash of a claim code is kept; re-sending makes a new code and revokes this one. */
@Entity()
export class DigitalTwinClaimCode {
  @PrimaryColumn({ type: "text" })
  id!: string

  @Column({ type: "text" })
  twin_id!: string

  @Column({ type: "text", unique: true })
  code_hash!: string

  @Column({ type: "timestamptz", nullable: true })
  revoked_at!: Date | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at!: Date
}
