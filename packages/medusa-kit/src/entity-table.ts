// The table description of a TypeORM entity, so the drift test checks entity-backed tables the
// same way as tables described with `defineTable`: the entity stays their one description.
import { getMetadataArgsStorage } from "typeorm"
import type { Column, Columns, Table } from "./table"

// TypeORM's spellings of the column types our entities use, as information_schema's udt_name.
const UDT_OF: Record<string, string> = {
  text: "text",
  varchar: "varchar",
  "character varying": "varchar",
  char: "bpchar",
  int: "int4",
  integer: "int4",
  int4: "int4",
  smallint: "int2",
  bigint: "int8",
  numeric: "numeric",
  decimal: "numeric",
  "double precision": "float8",
  boolean: "bool",
  bool: "bool",
  jsonb: "jsonb",
  json: "json",
  date: "date",
  timestamptz: "timestamptz",
  "timestamp with time zone": "timestamptz",
  timestamp: "timestamp",
  bytea: "bytea",
}

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()

/** A TypeORM entity class (never constructed here). */
export type EntityClass = abstract new (...args: never[]) => unknown

/** The classes an entity inherits its columns from, itself first. */
function lineage(entity: EntityClass): Set<unknown> {
  const classes = new Set<unknown>()
  for (let c: unknown = entity; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c)) classes.add(c)
  return classes
}

/**
 * The entity's table and columns as TypeORM will use them. A column whose type the entity leaves
 * to TypeORM (a bare `@PrimaryColumn()`) is checked by name and nullability only.
 */
export function entityTable(entity: EntityClass): Table<Columns> {
  const storage = getMetadataArgsStorage()
  const declared = storage.tables.find((t) => t.target === entity)
  if (!declared) throw new Error(`${entity.name} is not a TypeORM entity`)
  const targets = lineage(entity)
  const columns: Record<string, Column<unknown>> = {}
  for (const arg of storage.columns.filter((c) => targets.has(c.target))) {
    const name = arg.options.name ?? arg.propertyName
    if (columns[name]) continue // a subclass's column overrides its parent's
    const type = typeof arg.options.type === "string" ? UDT_OF[arg.options.type] ?? arg.options.type : ""
    columns[name] = { udt: type, nullable: Boolean(arg.options.nullable) }
  }
  const name = declared.name ?? snakeCase(entity.name)
  return { name, columns, select: Object.keys(columns).map((c) => `"${c}"`).join(", ") }
}
