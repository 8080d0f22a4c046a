// What the dashboard reads of Medusa's own sales_channel table (Medusa's migrations own it).
import { selectRows, type SqlRunner } from "@pva/medusa-kit"

export type SalesChannelChoice = { id: string; name: string }

/** The sales channels the dashboard can be narrowed to, by name. */
export function salesChannels(db: SqlRunner): Promise<SalesChannelChoice[]> {
  return selectRows<SalesChannelChoice>(db, `SELECT id, name FROM sales_channel WHERE deleted_at IS NULL ORDER BY name`)
}
