'use strict'
// On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and RestoreTableFromBackup, with the
// table's items. Backups live in memory for the server's life (AWS keeps them until deleted).
const errors = require('../errors')

const backups = new Map()

async function scanAll (ctx, tableName) {
  const items = []
  let start
  do {
    const page = await ctx.dynalite.run('Scan', ctx.dynalite.validate('Scan', { TableName: tableName, ExclusiveStartKey: start }))
    items.push(...page.Items)
    start = page.LastEvaluatedKey
  } while (start)
  return items
}

function details (backup) {
  return {
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupSizeBytes: Buffer.byteLength(JSON.stringify(backup.items)),
    BackupStatus: 'AVAILABLE',
    BackupType: 'USER',
    BackupCreationDateTime: backup.createdAt,
  }
}

function found (arn) {
  const backup = backups.get(arn)
  if (!backup) throw errors.awsError('BackupNotFoundException', `Backup not found: ${arn}`)
  return backup
}

async function createBackup (ctx, data) {
  if (!data.TableName || !data.BackupName) throw errors.validation('TableName and BackupName are required')
  const { table } = await ctx.tables.getActive(data.TableName)
  const createdAt = ctx.clock.now() / 1000
  const arn = `${table.TableArn}/backup/${Math.round(createdAt * 1000).toString().padStart(17, '0')}-${Math.random().toString(16).slice(2, 10)}`
  const source = {
    KeySchema: table.KeySchema,
    AttributeDefinitions: table.AttributeDefinitions,
    BillingMode: (table.BillingModeSummary && table.BillingModeSummary.BillingMode) || 'PROVISIONED',
    ProvisionedThroughput: table.ProvisionedThroughput,
    GlobalSecondaryIndexes: table.GlobalSecondaryIndexes,
    LocalSecondaryIndexes: table.LocalSecondaryIndexes,
  }
  const backup = { arn, name: data.BackupName, tableName: table.TableName, tableArn: table.TableArn, createdAt, source, items: await scanAll(ctx, table.TableName) }
  backups.set(arn, backup)
  return { BackupDetails: details(backup) }
}

async function describeBackup (ctx, data) {
  const backup = found(data.BackupArn)
  return {
    BackupDescription: {
      BackupDetails: details(backup),
      SourceTableDetails: { TableName: backup.tableName, TableArn: backup.tableArn, KeySchema: backup.source.KeySchema, ItemCount: backup.items.length, BillingMode: backup.source.BillingMode, TableCreationDateTime: backup.createdAt },
    },
  }
}

async function listBackups (ctx, data) {
  const summaries = [ ...backups.values() ]
    .filter((backup) => !data.TableName || backup.tableName === data.TableName)
    .map((backup) => ({ ...details(backup), TableName: backup.tableName, TableArn: backup.tableArn }))
  return { BackupSummaries: summaries }
}

async function deleteBackup (ctx, data) {
  const backup = found(data.BackupArn)
  backups.delete(data.BackupArn)
  return { BackupDescription: { BackupDetails: { ...details(backup), BackupStatus: 'DELETED' } } }
}

// The table is created as the backup's source was, then its items written back once it is ACTIVE, as AWS restores:
// the answer comes at once, with the table CREATING.
async function restoreTableFromBackup (ctx, data, createTable) {
  const backup = found(data.BackupArn)
  const indexes = (list, extra) => list && list.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection, ...extra(index) }))
  const provisioned = backup.source.BillingMode === 'PROVISIONED'
  const throughput = (t) => provisioned && t ? { ProvisionedThroughput: { ReadCapacityUnits: t.ReadCapacityUnits, WriteCapacityUnits: t.WriteCapacityUnits } } : {}
  const request = {
    TableName: data.TargetTableName,
    KeySchema: backup.source.KeySchema,
    AttributeDefinitions: backup.source.AttributeDefinitions,
    BillingMode: backup.source.BillingMode,
    ...throughput(backup.source.ProvisionedThroughput),
    GlobalSecondaryIndexes: indexes(backup.source.GlobalSecondaryIndexes, (index) => throughput(index.ProvisionedThroughput)),
    LocalSecondaryIndexes: indexes(backup.source.LocalSecondaryIndexes, () => ({})),
  }
  const created = await createTable(ctx, request)
  writeBackWhenActive(ctx, data.TargetTableName, backup.items)
  return { TableDescription: { ...created.TableDescription, RestoreSummary: { SourceBackupArn: backup.arn, SourceTableArn: backup.tableArn, RestoreDateTime: ctx.clock.now() / 1000, RestoreInProgress: true } } }
}

function writeBackWhenActive (ctx, tableName, items) {
  const attempt = async () => {
    const table = await ctx.tables.get(tableName)
    if (table.TableStatus !== 'ACTIVE') return setTimeout(attempt, 20)
    for (let i = 0; i < items.length; i += 25) {
      const batch = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } }))
      await ctx.dynalite.run('BatchWriteItem', ctx.dynalite.validate('BatchWriteItem', { RequestItems: { [tableName]: batch } }))
    }
  }
  setTimeout(attempt, 0)
}

module.exports = { createBackup, describeBackup, listBackups, deleteBackup, restoreTableFromBackup }
