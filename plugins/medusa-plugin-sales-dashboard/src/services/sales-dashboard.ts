import { TransactionBaseService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { readDashboard } from "../db/dashboard"
import { refreshSalesRollup } from "../db/sales-rollup"
import type { DashboardQuery } from "../lib/date-range"

type Deps = { manager: EntityManager }

/** Every panel of the sales dashboard, answered from the rollups and the owning plugins' read functions. */
export default class SalesDashboardService extends TransactionBaseService {
  constructor(deps: Deps) {
    super(deps)
    this.manager_ = deps.manager
  }

  /** Brings the rollups up to date on a connection of its own (the refresh is one transaction). */
  async refresh() {
    const runner = this.manager_.connection.createQueryRunner()
    try {
      await runner.connect()
      return await refreshSalesRollup(runner)
    } finally {
      await runner.release()
    }
  }

  async dashboard(query: DashboardQuery) {
    await this.refresh()
    return readDashboard(this.manager_, query)
  }
}
