'use strict'
// DeleteTable, refused as AWS refuses it: while the table or an index is changing, or while deletion protection is on.
// The table's stream ends with it, and a replica of a global table leaves the others' lists.
const errors = require('../errors')
const replicas = require('./replicas')

module.exports = async function deleteTable (ctx, raw) {
  const data = ctx.dynalite.validate('DeleteTable', raw)
  const table = await ctx.tables.get(data.TableName)
  if (table.DeletionProtectionEnabled) {
    throw errors.validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.')
  }
  if (table.TableStatus === 'CREATING') {
    throw errors.resourceInUse(`Attempt to change a resource which is still in use: Table is being created: ${data.TableName}`)
  }
  if (table.TableStatus === 'UPDATING' || (table.GlobalSecondaryIndexes || []).some((index) => index.IndexStatus !== 'ACTIVE')) {
    throw errors.resourceInUse(`Attempt to change a resource which is still in use: Table is being updated: ${data.TableName}`)
  }
  const deleted = await ctx.dynalite.run('DeleteTable', data)
  ctx.streams.retire(table)
  await replicas.leave(ctx, table)
  return deleted
}
