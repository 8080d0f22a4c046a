import { TransactionBaseService } from "@medusajs/medusa"
import { Lifetime } from "awilix"

/**
 * Base for a plugin service whose methods open transactions (`atomicPhase_`).
 *
 * Medusa registers a plugin service once per process unless the class names another lifetime,
 * and `atomicPhase_` parks the transaction it opens on the instance. On a shared instance a call
 * that starts while another call's transaction is open runs inside that transaction: it is rolled
 * back with the other call's failure although it reported success, or fails once the other
 * transaction ends. Resolving such a service anew for every use keeps concurrent requests and
 * events apart; the instances are cheap (no state beyond the container and options).
 */
export abstract class PerCallService extends TransactionBaseService {
  static LIFE_TIME = Lifetime.TRANSIENT
}
