import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';

/*
 * Column builders for migrations written once for both SQLite and MySQL/MariaDB.
 * A migration is history: once released, a builder here must never change meaning.
 * Add a new builder instead of editing one that a migration already uses.
 */

export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const int = (name: string, opts: { nullable?: boolean; default?: number } = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: opts.nullable ?? false,
  ...(opts.default !== undefined ? { default: opts.default } : {}),
});

export const varchar = (name: string, length: number, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: opts.nullable ?? false,
});

export const text = (name: string, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: opts.nullable ?? false,
});

export const date = (name: string, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: opts.nullable ?? false,
});

export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue ? 1 : 0,
});

/** Creation / update timestamps, in each driver's own type and default (what @CreateDateColumn expects). */
export const createdAt = (qr: QueryRunner, name = 'createdAt'): TableColumnOptions => {
  const t = qr.connection.driver.mappedDataTypes;
  return {
    name,
    type: t.createDate as string,
    ...(t.createDatePrecision ? { precision: t.createDatePrecision } : {}),
    default: t.createDateDefault,
    isNullable: false,
  };
};

export const updatedAt = (qr: QueryRunner, name = 'updatedAt'): TableColumnOptions => {
  const t = qr.connection.driver.mappedDataTypes;
  return {
    name,
    type: t.updateDate as string,
    ...(t.updateDatePrecision ? { precision: t.updateDatePrecision } : {}),
    default: t.updateDateDefault,
    ...(['mysql', 'mariadb'].includes(qr.connection.driver.options.type) ? { onUpdate: t.updateDateDefault } : {}),
    isNullable: false,
  };
};

export const timestamps = (qr: QueryRunner): TableColumnOptions[] => [createdAt(qr), updatedAt(qr)];

/** sourceDocumentId / sourceClauseId: where a seeded record was transcribed from. */
export const sourceColumns = (): TableColumnOptions[] => [int('sourceDocumentId', { nullable: true }), int('sourceClauseId', { nullable: true })];
export const sourceForeignKeys = (): TableForeignKeyOptions[] => [fk('sourceDocumentId', 'policy_document', 'SET NULL'), fk('sourceClauseId', 'clause', 'SET NULL')];

export const fk = (column: string, table: string, onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT'): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'NO ACTION',
});

export const index = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({
  name,
  columnNames,
  isUnique,
});

export const decimal = (name: string, precision: number, scale: number): TableColumnOptions => ({
  name,
  type: 'decimal',
  precision,
  scale,
  isNullable: false,
});

/** Money in fen (分): BIGINT on both databases. */
export const bigint = (name: string, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: opts.nullable ?? false,
});

/** A point in time written by the application (not a creation default). */
export const datetime = (name: string, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable: opts.nullable ?? false,
});

/**
 * The table of a workflow's steps (common/workflow/step.entity.ts: SignedStep + WorkflowStep): who,
 * why, when recorded, from, to and the step's day, with a foreign key to the record they belong to.
 */
export const workflowStepTable = (qr: QueryRunner, o: { name: string; owner: string; ownerTable: string; statusLength: number }) => ({
  name: o.name,
  columns: [
    id(),
    int('actorId', { nullable: true }),
    varchar('actorName', 50),
    text('reason', { nullable: true }),
    createdAt(qr, 'at'),
    int(o.owner),
    varchar('fromStatus', o.statusLength, { nullable: true }),
    varchar('toStatus', o.statusLength),
    date('stepDate'),
  ],
  indices: [index(`ix_${o.name}_${o.ownerTable}`, [o.owner])],
  foreignKeys: [fk(o.owner, o.ownerTable)],
});
