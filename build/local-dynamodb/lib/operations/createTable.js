'use strict'
// CreateTable: dynalite validates and creates the table; the properties it drops are kept here.
const errors = require('../errors')
const settings = require('./tableSettings')
const RULES = require('../rules')

module.exports = async function createTable (ctx, raw, data = ctx.dynalite.check(RULES.CreateTable, raw)) {
  const extras = settings.parseCreateExtras(raw)
  const table = settings.describeCreateExtras(data, extras, ctx)
  Object.assign(data, table)
  // dynalite's validation drops an index's throughput limits; AWS keeps and reports them.
  for (const index of raw.GlobalSecondaryIndexes || []) {
    const created = (data.GlobalSecondaryIndexes || []).find((i) => i.IndexName === index.IndexName)
    if (created && index.OnDemandThroughput) created.OnDemandThroughput = index.OnDemandThroughput
    if (created && index.WarmThroughput) created.WarmThroughput = { ...index.WarmThroughput, Status: 'ACTIVE' }
  }
  try {
    const result = await ctx.dynalite.run('CreateTable', data)
    if (extras.Tags) await ctx.dynalite.run('TagResource', { ResourceArn: result.TableDescription.TableArn, Tags: extras.Tags })
    return result
  }
  catch (err) {
    // dynalite answers an existing name with an empty message; AWS names the table.
    if (err.body && /ResourceInUseException/.test(err.body.__type)) throw errors.resourceInUse(`Table already exists: ${raw.TableName}`)
    throw err
  }
}
