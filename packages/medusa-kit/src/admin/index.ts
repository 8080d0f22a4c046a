/**
 * What every Medusa Admin page of a PVA plugin (and of medusa-server) shares. A separate
 * entry, `@pva/medusa-kit/admin`, because it runs in the browser: the admin bundles
 * (`medusa-admin bundle` in a plugin, `medusa-admin build` in medusa-server) take only this
 * file, never the server code of the main entry.
 */
export { adminApi, type AdminMethod } from "./api"
