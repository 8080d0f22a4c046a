import { Column, Entity } from "typeorm"
import { Order as MedusaOrder } from "@medusajs/medusa"

@Entity()
export class Order extends MedusaOrder {
  // Assigned by the database (see the pva-order-number migration) so two
  // concurrent checkouts can never draw the same number.
  @Column({ type: "text", insert: false, update: false, nullable: true })
  pva_number!: string
}
