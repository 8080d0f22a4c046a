// Minimal typings for the parts of node-postgres this package uses (@types/pg is not in the tree).
declare module "pg" {
  export interface QueryResult<R = any> {
    rows: R[]
    rowCount: number | null
    command: string
  }
  export interface ClientBase {
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>
    /** A submittable query such as pg-copy-streams' COPY streams. */
    query<T extends { submit(connection: unknown): void }>(submittable: T): T
  }
  export interface PoolClient extends ClientBase {
    release(err?: Error | boolean): void
    on(event: "error", listener: (err: Error) => void): this
    removeListener(event: "error", listener: (err: Error) => void): this
  }
  export interface PoolConfig {
    connectionString?: string
    max?: number
    idleTimeoutMillis?: number
    connectionTimeoutMillis?: number
    application_name?: string
  }
  export class Pool implements ClientBase {
    constructor(config?: PoolConfig)
    /** Clients connected and waiting in the pool. */
    readonly idleCount: number
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>
    connect(): Promise<PoolClient>
    end(): Promise<void>
    on(event: "error", listener: (err: Error) => void): this
  }
  export class Client implements ClientBase {
    constructor(config?: PoolConfig | string)
    connect(): Promise<void>
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>
    end(): Promise<void>
  }
}

declare module "pg-copy-streams" {
  import type { Writable } from "stream"
  export interface CopyStreamQuery extends Writable {
    submit(connection: unknown): void
  }
  export function from(text: string): CopyStreamQuery
}
