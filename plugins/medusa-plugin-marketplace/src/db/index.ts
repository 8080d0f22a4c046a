import { marketBidTable } from "./market-bid"
import { marketEventTable } from "./market-event"
import { marketListingTable } from "./market-listing"
import { marketNotificationTable } from "./market-notification"
import { marketOfferTable } from "./market-offer"
import { marketSaleTable } from "./market-sale"

/** Every table this plugin's migrations make, each described once in its home beside this file. */
export const MARKET_TABLES = [marketEventTable, marketListingTable, marketBidTable, marketOfferTable, marketSaleTable, marketNotificationTable]
