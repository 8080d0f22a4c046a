import { EventBusService as MedusaEventBusService } from "@medusajs/medusa"

const POLL_MS = 3000

/**
 * Medusa 1.x writes events to `staged_job` inside the transaction that caused them, and
 * every process polls that table: list, hand to the event bus module, delete. With several
 * processes two can list the same rows, and once the first copy has run (and Redis has
 * dropped its job id) the second is run again: an order's email sent twice. Here a batch is
 * taken under `FOR UPDATE SKIP LOCKED` and deleted in the same transaction, so each staged
 * event is handed over by one process; a process that dies mid-batch releases its rows.
 */
class EventBusService extends MedusaEventBusService {
  // Medusa registers a project's services per request scope unless told otherwise, and every
  // instance starts its own enqueuer loop: hundreds of loops polling staged_job after a few
  // hundred requests, each taking a pooled connection every few seconds.
  static LIFE_TIME = "SINGLETON"

  // `medusa seed` leaves its events staged for the server. Handing them over from the seed
  // itself would run subscribers (verification tokens, emails) from a CLI that exits soon
  // after, or not, depending on how long the seed took.
  startEnqueuer(): void {
    if (process.argv.includes("seed")) return
    super.startEnqueuer()
  }

  async enqueuer_(): Promise<void> {
    while (this.shouldEnqueuerRun) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      try {
        await this.enqueueStagedBatch()
      } catch (err) {
        this.logger_?.warn?.(`staged events not handed over yet: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  }

  private async enqueueStagedBatch(): Promise<void> {
    const batch = this.config_?.projectConfig?.jobs_batch_size ?? 1000
    await this.manager_.transaction(async (manager) => {
      const jobs: Array<{ id: string; event_name: string; data: unknown; options: Record<string, unknown> | null }> = await manager.query(
        `SELECT id, event_name, data, options FROM staged_job ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch]
      )
      if (!jobs.length) return
      await this.eventBusModuleService_.emit(
        jobs.map((job) => ({ eventName: job.event_name, data: job.data, options: { jobId: job.id, ...(job.options ?? {}) } }))
      )
      await manager.query(`DELETE FROM staged_job WHERE id = ANY($1)`, [jobs.map((job) => job.id)])
    })
  }
}

export default EventBusService
