import { Column, Entity, PrimaryColumn } from "typeorm"

export type ChainLogStatus = "seen" | "confirmed" | "removed"

/** One decoded contract log, unique on (chain id, block hash, log index). */
@Entity({ name: "chain_log" })
export class ChainLog {
  @PrimaryColumn({ type: "integer" })
  chain_id!: number

  @PrimaryColumn({ type: "text" })
  block_hash!: string

  @PrimaryColumn({ type: "integer" })
  log_index!: number

  @Column({ type: "bigint" })
  block_number!: string

  @Column({ type: "text" })
  tx_hash!: string

  @Column({ type: "integer" })
  tx_index!: number

  @Column({ type: "text" })
  contract_address!: string

  @Column({ type: "text" })
  event_name!: string

  @Column({ type: "jsonb" })
  args!: Record<string, unknown>

  @Column({ type: "text" })
  status!: ChainLogStatus

  /**
   * Set when a log consumers were told of is orphaned: `confirmed` while its removal is owed,
   * `removed` once sent. Announcing confirmations moves the cursor's watermark instead.
   */
  @Column({ type: "text", nullable: true })
  notified!: "confirmed" | "removed" | null

  @Column({ type: "timestamptz" })
  created_at!: Date

  @Column({ type: "timestamptz" })
  updated_at!: Date
}
