import { catalogEntryTable } from "./catalog-entry"
import { catalogOutboxTable } from "./catalog-outbox"

/** Every table this plugin's migrations make, each described once in its home beside this file. */
export const CATALOG_TABLES = [catalogEntryTable, catalogOutboxTable]
