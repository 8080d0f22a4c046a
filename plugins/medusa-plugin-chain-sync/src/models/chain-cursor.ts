import { Column, Entity, PrimaryColumn } from "typeorm"

/** Where the follower stands for one contract on one chain (see lib/schema.ts). */
@Entity({ name: "chain_cursor" })
export class ChainCursor {
  @PrimaryColumn({ type: "integer" })
  chain_id!: number

  @PrimaryColumn({ type: "text" })
  contract_address!: string

  @Column({ type: "text" })
  contract_name!: string

  @Column({ type: "bigint" })
  start_block!: string

  /** Last block fully ingested for this contract. */
  @Column({ type: "bigint" })
  block_number!: string

  @Column({ type: "text", nullable: true })
  block_hash!: string | null

  @Column({ type: "bigint", nullable: true })
  head_block!: string | null

  /** Consumers have been told of every confirmed log up to this (block, log index). */
  @Column({ type: "bigint", default: -1 })
  announced_block!: string

  @Column({ type: "integer", default: -1 })
  announced_log_index!: number

  @Column({ type: "bigint", default: 0 })
  logs_ingested!: string

  @Column({ type: "bigint", default: 0 })
  logs_ignored!: string

  @Column({ type: "integer", default: 0 })
  reorgs!: number

  @Column({ type: "text", nullable: true })
  last_error!: string | null

  @Column({ type: "timestamptz", nullable: true })
  last_error_at!: Date | null

  @Column({ type: "timestamptz" })
  created_at!: Date

  @Column({ type: "timestamptz" })
  updated_at!: Date
}
