import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"

/** One provenance entry: a store event, or a chain log (applied once, keyed by chain sync's id). */
@Entity()
export class DigitalTwinEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string

  @Column({ type: "text" })
  twin_id!: string

  @Column({ type: "text" })
  kind!: "created" | "sold" | "claim_issued" | "minted" | "transferred" | "attested"

  @Column({ type: "text", nullable: true })
  from_address!: string | null

  @Column({ type: "text", nullable: true })
  to_address!: string | null

  @Column({ type: "text", nullable: true })
  tx_hash!: string | null

  @Column({ type: "bigint", nullable: true })
  block_number!: string | null

  @Column({ type: "int", nullable: true })
  log_index!: number | null

  @Column({ type: "text", nullable: true, unique: true })
  chain_log_id!: string | null

  @Column({ type: "jsonb", default: {} })
  data!: Record<string, unknown>

  @Column({ type: "timestamptz" })
  occurred_at!: Date
}
