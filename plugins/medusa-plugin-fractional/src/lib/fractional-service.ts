import { sharesChainConfig } from "./chain-config"
import { sharesChain, type SharesChain } from "./shares-chain"
import { PerCallService } from "@pva/medusa-kit/service"

/**
 * What every fractional service starts from: the container, to reach sibling services when
 * used rather than when built (KYC, offerings and reservations call each other), and the
 * process's one PVAShares client.
 */
export abstract class FractionalService extends PerCallService {
  protected readonly container: any

  constructor(container: any) {
    super(container)
    this.container = container
  }

  get chain(): SharesChain {
    return sharesChain(sharesChainConfig())
  }
}
