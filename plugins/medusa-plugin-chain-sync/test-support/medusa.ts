// The real PVA Medusa server with this plugin registered: medusa-server's own test harness.
export { migrateAndSeed, startServer, type TestServer } from "../../../medusa-server/test-support/server"
export { adminToken } from "../../../medusa-server/test-support/store"
