'use strict'
// CloudWatch contributor insights on a table and on each of its global secondary indexes: UpdateContributorInsights
// (ENABLING then ENABLED, DISABLING then DISABLED, after the update delay), DescribeContributorInsights and
// ListContributorInsights, in the shapes of the DynamoDB API reference. Nothing is measured: the settings are kept.
const errors = require('../errors')

const ACTIONS = [ 'ENABLE', 'DISABLE' ]
const MODES = [ 'ACCESSED_AND_THROTTLED_KEYS', 'THROTTLED_KEYS' ]

function checkEnum (field, value, allowed) {
  if (value != null && !allowed.includes(value)) throw errors.notInEnum(field, value, allowed)
}

// The table's own setting is kept under '' and each index's under its name, as the table record's private field.
function settingOf (table, indexName) {
  if (indexName != null && !(table.GlobalSecondaryIndexes || []).some((index) => index.IndexName === indexName)) {
    throw errors.resourceNotFound(`Requested resource not found: Index: ${indexName} not found`)
  }
  return (table._contributorInsights || {})[indexName || ''] || { status: 'DISABLED' }
}

// What CloudWatch names its rules: partition key (and sort key) counts, and the throttled ones.
function ruleList (table, indexName, setting) {
  if (setting.status !== 'ENABLED') return []
  const keys = indexName ? table.GlobalSecondaryIndexes.find((index) => index.IndexName === indexName).KeySchema : table.KeySchema
  const kinds = (setting.mode === 'THROTTLED_KEYS' ? [ 'PKT', 'SKT' ] : [ 'PKC', 'SKC', 'PKT', 'SKT' ])
    .filter((kind) => kind[0] === 'P' || keys.some((key) => key.KeyType === 'RANGE'))
  return kinds.map((kind) => `DynamoDBContributorInsights-${kind}-${table.TableName}${indexName ? '-' + indexName : ''}-${setting.since}`)
}

function describe (table, indexName, setting) {
  const answer = { TableName: table.TableName, ContributorInsightsRuleList: ruleList(table, indexName, setting), ContributorInsightsStatus: setting.status }
  if (indexName) answer.IndexName = indexName
  if (setting.mode) answer.ContributorInsightsMode = setting.mode
  if (setting.updatedAt) answer.LastUpdateDateTime = setting.updatedAt
  return answer
}

async function updateContributorInsights (ctx, raw) {
  if (typeof raw.TableName !== 'string') throw errors.notNull('tableName')
  if (raw.ContributorInsightsAction == null) throw errors.notNull('contributorInsightsAction')
  checkEnum('contributorInsightsAction', raw.ContributorInsightsAction, ACTIONS)
  checkEnum('contributorInsightsMode', raw.ContributorInsightsMode, MODES)
  const indexName = raw.IndexName || null
  const enable = raw.ContributorInsightsAction === 'ENABLE'
  return ctx.tables.withLock(raw.TableName, async () => {
    const table = await ctx.tables.get(raw.TableName)
    const current = settingOf(table, indexName)
    const now = ctx.clock.now() / 1000
    const setting = enable
      ? { status: 'ENABLING', mode: raw.ContributorInsightsMode || current.mode || MODES[0], since: Math.floor(now), updatedAt: now }
      : { status: 'DISABLING', mode: current.mode, updatedAt: now }
    table._contributorInsights = { ...table._contributorInsights, [indexName || '']: setting }
    await ctx.tables.put(table.TableName, table)
    ctx.tables.later(table.TableName, ctx.delays.update, (later) => {
      const kept = (later._contributorInsights || {})[indexName || '']
      if (kept && kept.status === setting.status) kept.status = enable ? 'ENABLED' : 'DISABLED'
    })
    const answer = { TableName: table.TableName, ContributorInsightsStatus: setting.status }
    if (indexName) answer.IndexName = indexName
    if (setting.mode) answer.ContributorInsightsMode = setting.mode
    return answer
  })
}

async function describeContributorInsights (ctx, raw) {
  if (typeof raw.TableName !== 'string') throw errors.notNull('tableName')
  const table = await ctx.tables.get(raw.TableName)
  return describe(table, raw.IndexName || null, settingOf(table, raw.IndexName || null))
}

async function listContributorInsights (ctx, raw) {
  // Without a table name, the tables of one ListTables page (100): more than a local server holds for an application.
  const names = raw.TableName ? [ raw.TableName ] : (await ctx.dynalite.run('ListTables', ctx.dynalite.validate('ListTables', {}))).TableNames
  const summaries = []
  for (const name of names) {
    const table = await ctx.tables.get(name)
    for (const [ indexName, setting ] of Object.entries(table._contributorInsights || {})) {
      if (setting.status === 'DISABLED') continue
      const summary = { TableName: name, ContributorInsightsStatus: setting.status, ContributorInsightsMode: setting.mode }
      if (indexName) summary.IndexName = indexName
      summaries.push(summary)
    }
  }
  return { ContributorInsightsSummaries: summaries }
}

module.exports = { updateContributorInsights, describeContributorInsights, listContributorInsights }
