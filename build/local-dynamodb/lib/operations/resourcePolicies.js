'use strict'
// Resource-based policies on a table or its stream: PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy,
// and CreateTable's ResourcePolicy, per the DynamoDB API reference. Kept and returned as written; nothing is enforced
// (every request here is the account's own).
const errors = require('../errors')

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html: at most 20 KB.
const MAX_POLICY_BYTES = 20 * 1024

const policyNotFound = (message) => errors.awsError('PolicyNotFoundException', message)

function checkPolicy (policy) {
  if (typeof policy !== 'string') throw errors.notNull('policy')
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) {
    throw errors.validation(`Resource-based policy size ${Buffer.byteLength(policy, 'utf8')} exceeds the maximum allowed size of ${MAX_POLICY_BYTES} bytes`)
  }
  let parsed
  try { parsed = JSON.parse(policy) }
  catch { throw errors.validation('Invalid policy document: the policy is not valid JSON') }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !parsed.Statement) {
    throw errors.validation('Invalid policy document: a policy is a JSON object with a Statement')
  }
  return policy
}

// The table an ARN names (its own or its stream's), with the key its policy is kept under.
async function resolve (ctx, arn) {
  const match = /^arn:aws[\w-]*:dynamodb:[^:]*:[^:]*:table\/([^/]+)(\/stream\/.+)?$/.exec(arn || '')
  if (!match) throw errors.validation(`Invalid ResourceArn provided as input ${arn}`)
  const table = await ctx.tables.get(match[1])
  if (match[2] && table.LatestStreamArn !== arn) throw errors.resourceNotFound(`Requested resource not found: Stream: ${arn} not found`)
  return { table, key: match[2] ? `stream ${arn}` : 'table' }
}

function nextRevision (ctx, current) {
  const now = ctx.clock.now()
  return String(current && Number(current.revisionId) >= now ? Number(current.revisionId) + 1 : now)
}

async function putResourcePolicy (ctx, raw) {
  const policy = checkPolicy(raw.Policy)
  const { table: found } = await resolve(ctx, raw.ResourceArn)
  return ctx.tables.withLock(found.TableName, async () => {
    const { table, key } = await resolve(ctx, raw.ResourceArn)
    const current = (table._resourcePolicies || {})[key]
    if (raw.ExpectedRevisionId != null && (!current || current.revisionId !== raw.ExpectedRevisionId)) {
      throw policyNotFound(`Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id ${raw.ExpectedRevisionId}, but the policy associated to target table ${table.TableName} has revision id ${current ? current.revisionId : 'none'}.`)
    }
    const revisionId = nextRevision(ctx, current)
    table._resourcePolicies = { ...table._resourcePolicies, [key]: { policy, revisionId } }
    await ctx.tables.put(table.TableName, table)
    return { RevisionId: revisionId }
  })
}

async function getResourcePolicy (ctx, raw) {
  const { table, key } = await resolve(ctx, raw.ResourceArn)
  const current = (table._resourcePolicies || {})[key]
  if (!current) throw policyNotFound(`Resource-based policy not found for the provided ResourceArn: ${raw.ResourceArn}`)
  return { Policy: current.policy, RevisionId: current.revisionId }
}

async function deleteResourcePolicy (ctx, raw) {
  const { table: found } = await resolve(ctx, raw.ResourceArn)
  return ctx.tables.withLock(found.TableName, async () => {
    const { table, key } = await resolve(ctx, raw.ResourceArn)
    const current = (table._resourcePolicies || {})[key]
    if (!current || (raw.ExpectedRevisionId != null && current.revisionId !== raw.ExpectedRevisionId)) {
      throw policyNotFound(`Resource-based policy not found for the provided ResourceArn: ${raw.ResourceArn}`)
    }
    const policies = { ...table._resourcePolicies }
    delete policies[key]
    table._resourcePolicies = policies
    await ctx.tables.put(table.TableName, table)
    return { RevisionId: nextRevision(ctx, current) }
  })
}

module.exports = { checkPolicy, putResourcePolicy, getResourcePolicy, deleteResourcePolicy }
