import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"

/** Orders that contained both products; kept in both directions so lookups are one index scan. */
@Entity("archetype_product_copurchase")
export class ProductCopurchase {
  @PrimaryColumn({ type: "text" })
  product_id!: string

  @PrimaryColumn({ type: "text" })
  related_product_id!: string

  @Column({ type: "int" })
  orders!: number
}

/** Recent demand for a product, decayed with age so last month counts more than last season. */
@Entity("archetype_product_popularity")
export class ProductPopularity {
  @PrimaryColumn({ type: "text" })
  product_id!: string

  @Column({ type: "double precision" })
  score!: number

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at!: Date
}
