'use strict'
// TransactWriteItems and TransactGetItems, as AWS documents them
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html): up to 100 actions on
// distinct items, all applied or none; a failed condition cancels the whole request with a reason for each action, in
// request order. Transactions run one at a time (lib/itemLock.js), so they wait for each other instead of failing with
// TransactionConflict. Built on dynalite's own item actions: conditions are checked on a snapshot first, and should an
// action still fail while being applied (an update expression that does not fit the item), the actions already applied
// are undone from that snapshot.
const crypto = require('crypto')
const db = require('dynalite/db')
const errors = require('../errors')
const { keyOf } = require('../tables')

const MAX_ACTIONS = 100
const MAX_REQUEST_BYTES = 4 * 1024 * 1024
const TOKEN_LIFETIME_MS = 10 * 60 * 1000
const ACTIONS = { ConditionCheck: 'DeleteItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem' }

function checkCount (items) {
  if (!Array.isArray(items)) throw errors.validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null")
  if (items.length < 1 || items.length > MAX_ACTIONS) {
    throw errors.validation(`1 validation error detected: Value '[${items.length} items]' at 'transactItems' failed to satisfy constraint: Member must have length ${items.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ACTIONS}`}`)
  }
}

function getItem (ctx, tableName, key) {
  return new Promise((resolve, reject) => ctx.store.getItemDb(tableName).get(key, (err, item) =>
    err && err.name !== 'NotFoundError' ? reject(err) : resolve(item || undefined)))
}

// Each action checked as the single-item operation it is (ConditionCheck as a DeleteItem that deletes nothing), with
// the table it names, its item's key and the item as it is now.
async function prepare (ctx, transactItems) {
  const seen = new Set()
  const actions = []
  for (const [ index, entry ] of transactItems.entries()) {
    const kinds = Object.keys(entry || {}).filter((kind) => entry[kind] != null)
    if (kinds.length !== 1 || !ACTIONS[kinds[0]]) {
      throw errors.validation('TransactItems can only contain one of Check, Put, Update or Delete')
    }
    const kind = kinds[0]
    const raw = entry[kind]
    if (kind === 'ConditionCheck' && !raw.ConditionExpression) {
      throw errors.validation('1 validation error detected: Value null at \'transactItems.' + (index + 1) + '.member.conditionCheck.conditionExpression\' failed to satisfy constraint: Member must not be null')
    }
    const data = ctx.dynalite.validate(ACTIONS[kind], { ...raw, ReturnValuesOnConditionCheckFailure: undefined })
    const table = await ctx.tables.get(data.TableName)
    const invalid = kind === 'Put' ? db.validateItem(data.Item, table) : db.validateKey(data.Key, table)
    if (invalid) throw invalid
    const key = db.createKey(kind === 'Put' ? data.Item : data.Key, table)
    const identity = `${data.TableName}\u0000${key}`
    if (seen.has(identity)) throw errors.validation('Transaction request cannot include multiple operations on one item')
    seen.add(identity)
    actions.push({ kind, data, table, key, returnOnFailure: raw.ReturnValuesOnConditionCheckFailure === 'ALL_OLD', before: await getItem(ctx, data.TableName, key) })
  }
  return actions
}

function cancelled (reasons) {
  const err = errors.awsError('TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`)
  err.body.CancellationReasons = reasons
  return err
}

function conditionReasons (actions) {
  return actions.map((action) => {
    if (db.checkConditional(action.data, action.before) == null) return { Code: 'None' }
    const reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
    if (action.returnOnFailure && action.before) reason.Item = action.before
    return reason
  })
}

// Puts back the items of the applied actions as they were before the transaction.
async function undo (ctx, applied) {
  for (const action of applied.reverse()) {
    if (action.before) await ctx.dynalite.run('PutItem', { TableName: action.data.TableName, Item: action.before })
    else await ctx.dynalite.run('DeleteItem', { TableName: action.data.TableName, Key: action.kind === 'Put' ? keyOf(action.data.Item, action.table) : action.data.Key })
  }
}

async function apply (ctx, actions) {
  const applied = []
  for (const [ index, action ] of actions.entries()) {
    if (action.kind === 'ConditionCheck') continue
    try {
      await ctx.dynalite.run(ACTIONS[action.kind], { ...action.data, ReturnValues: 'NONE' })
      applied.push(action)
    }
    catch (err) {
      if (!err.body) throw err
      await undo(ctx, applied)
      throw cancelled(actions.map((_, i) => i === index ? { Code: 'ValidationError', Message: err.body.message } : { Code: 'None' }))
    }
  }
}

function createTransactions (ctx) {
  // ClientRequestToken -> the request it came with and the answer, for 10 minutes (AWS's idempotency window).
  const tokens = new Map()

  function remembered (raw) {
    const token = raw.ClientRequestToken
    if (token == null) return null
    if (typeof token !== 'string' || token.length < 1 || token.length > 36) {
      throw errors.validation("1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36")
    }
    const now = ctx.clock.now()
    for (const [ key, entry ] of tokens) if (now - entry.at > TOKEN_LIFETIME_MS) tokens.delete(key)
    const fingerprint = crypto.createHash('sha256').update(JSON.stringify({ ...raw, ClientRequestToken: undefined, ReturnConsumedCapacity: undefined })).digest('hex')
    const entry = tokens.get(token)
    if (entry && entry.fingerprint !== fingerprint) {
      throw errors.awsError('IdempotentParameterMismatchException', 'The request uses the same client token as a previous, but non-identical request.')
    }
    return { token, fingerprint, entry }
  }

  async function transactWriteItems (raw) {
    checkCount(raw.TransactItems)
    if (Buffer.byteLength(JSON.stringify(raw.TransactItems)) > MAX_REQUEST_BYTES) {
      throw errors.validation('Transaction request size cannot exceed 4 MB')
    }
    const idempotency = remembered(raw)
    if (idempotency && idempotency.entry) return idempotency.entry.answer
    const actions = await prepare(ctx, raw.TransactItems)
    const reasons = conditionReasons(actions)
    if (reasons.some((reason) => reason.Code !== 'None')) throw cancelled(reasons)
    await ctx.streams.transaction(() => apply(ctx, actions))
    const answer = {}
    if (idempotency) tokens.set(idempotency.token, { fingerprint: idempotency.fingerprint, at: ctx.clock.now(), answer })
    return answer
  }

  async function transactGetItems (raw) {
    checkCount(raw.TransactItems)
    const gets = raw.TransactItems.map((entry) => {
      if (!entry || !entry.Get || Object.keys(entry).length !== 1) throw errors.validation('TransactItems can only contain Get')
      return ctx.dynalite.validate('GetItem', entry.Get)
    })
    const responses = []
    for (const data of gets) {
      const { Item } = await ctx.dynalite.run('GetItem', data)
      responses.push(Item ? { Item } : {})
    }
    return { Responses: responses }
  }

  return { transactWriteItems, transactGetItems }
}

module.exports = { createTransactions, cancelled }
