'use strict'
// ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: each statement parsed (./parse.js) and turned into the
// DynamoDB request AWS documents as its equivalent: SELECT a Query when the WHERE names the partition key with =, else
// a Scan; INSERT a PutItem that refuses an existing key (DuplicateItemException); UPDATE an UpdateItem of an item that
// must exist; DELETE a DeleteItem. The WHERE of UPDATE and DELETE must name every key attribute with =; its other terms
// are the condition.
const { parse } = require('./parse')
const errors = require('../errors')
const { cancelled } = require('../operations/transactions')

const KEY_CONDITIONS = new Set([ '=', '<', '<=', '>', '>=' ])

// Expression text with #n and :v placeholders, as DynamoDB's expressions take them.
function expressionBuilder (parameters) {
  const names = {}
  const values = {}
  let count = 0

  function attribute (node) {
    if (node.parameter !== undefined) return parameters[node.parameter]
    if (node.value) return node.value
    if (node.list) return { L: node.list.map(attribute) }
    if (node.map) return { M: Object.fromEntries(node.map.map((entry) => [ entry.key, attribute(entry.value) ])) }
    const members = node.set.map(attribute)
    const type = Object.keys(members[0] || { S: 0 })[0]
    if (!members.every((m) => Object.keys(m)[0] === type) || ![ 'S', 'N', 'B' ].includes(type)) throw errors.validation('A set holds strings, numbers or binaries of one type')
    return { [type + 'S']: members.map((m) => m[type]) }
  }

  function name (step) {
    const placeholder = `#n${count++}`
    names[placeholder] = step
    return placeholder
  }

  function operand (node) {
    if (node.path) return node.path.map((step, i) => typeof step === 'number' ? `[${step}]` : (i ? '.' : '') + name(step)).join('')
    if (node.call) return `${node.call}(${node.args.map(operand).join(', ')})`
    if (node.arithmetic) return `${operand(node.left)} ${node.arithmetic} ${operand(node.right)}`
    const placeholder = `:v${count++}`
    values[placeholder] = attribute(node)
    return placeholder
  }

  function condition (node) {
    if (node.and) return `(${condition(node.and[0])} AND ${condition(node.and[1])})`
    if (node.or) return `(${condition(node.or[0])} OR ${condition(node.or[1])})`
    if (node.not) return `(NOT ${condition(node.not)})`
    if (node.compare) return `${operand(node.left)} ${node.compare} ${operand(node.right)}`
    if (node.between) return `${operand(node.between)} BETWEEN ${operand(node.low)} AND ${operand(node.high)}`
    if (node.in) return `${operand(node.in)} IN (${node.options.map(operand).join(', ')})`
    if (node.missing) return `${node.negated ? 'attribute_exists' : 'attribute_not_exists'}(${operand(node.missing)})`
    return operand(node)
  }

  // The placeholders used, for the request (DynamoDB refuses unused ones).
  function placeholders () {
    const out = {}
    if (Object.keys(names).length) out.ExpressionAttributeNames = names
    if (Object.keys(values).length) out.ExpressionAttributeValues = values
    return out
  }

  return { attribute, operand, condition, placeholders }
}

function conjuncts (node) {
  if (!node) return []
  return node.and ? [ ...conjuncts(node.and[0]), ...conjuncts(node.and[1]) ] : [ node ]
}

const both = (terms) => terms.reduce((all, term) => all ? { and: [ all, term ] } : term, undefined)
const topName = (node) => node && node.path && node.path.length === 1 ? node.path[0] : null
const isValue = (node) => node && !node.path && !node.call && !node.arithmetic

// The equality of the WHERE on an attribute, whichever side the attribute is on.
function equalityOn (term, attribute) {
  if (term.compare !== '=') return null
  if (topName(term.left) === attribute && isValue(term.right)) return term.right
  if (topName(term.right) === attribute && isValue(term.left)) return term.left
  return null
}

function references (node, attributes) {
  if (!node || typeof node !== 'object') return false
  if (node.path) return attributes.includes(node.path[0])
  return Object.values(node).some((child) => Array.isArray(child) ? child.some((c) => references(c, attributes)) : references(child, attributes))
}

// UPDATE and DELETE (and the reads of a batch or transaction) name one item: its key, and the rest of the WHERE.
function splitKey (statement, table, build) {
  const terms = conjuncts(statement.where)
  const key = {}
  const rest = []
  for (const term of terms) {
    const attribute = table.KeySchema.map((k) => k.AttributeName).find((a) => key[a] === undefined && equalityOn(term, a))
    if (attribute) key[attribute] = build.attribute(equalityOn(term, attribute))
    else rest.push(term)
  }
  if (table.KeySchema.some((k) => key[k.AttributeName] === undefined)) {
    throw errors.validation('Where clause does not contain a mandatory equality on all key attributes')
  }
  return { key, rest: both(rest) }
}

// A statement as the single-item request that does what it says: { operation, request }.
async function writeRequest (ctx, statement, parameters) {
  const table = await ctx.tables.get(statement.tableName)
  const build = expressionBuilder(parameters)
  const hash = table.KeySchema[0].AttributeName
  if (statement.kind === 'insert') {
    const item = build.attribute(statement.item)
    if (!item.M) throw errors.validation('INSERT needs a map of the item\'s attributes')
    const condition = build.condition({ missing: { path: [ hash ] }, negated: false })
    return { operation: 'PutItem', insert: true, request: { TableName: table.TableName, Item: item.M, ConditionExpression: condition, ...build.placeholders() } }
  }
  const { key, rest } = splitKey(statement, table, build)
  if (statement.kind === 'delete') {
    const request = { TableName: table.TableName, Key: key }
    if (rest) request.ConditionExpression = build.condition(rest)
    return { operation: 'DeleteItem', request: { ...request, ...build.placeholders() } }
  }
  // UPDATE changes an item that exists; AWS answers ConditionalCheckFailedException when it does not.
  const condition = build.condition(both([ { missing: { path: [ hash ] }, negated: true }, rest ].filter(Boolean)))
  const sets = statement.set.map((s) => `${build.operand(s.path)} = ${build.operand(s.value)}`)
  const removes = statement.remove.map((p) => build.operand(p))
  const update = [ sets.length ? 'SET ' + sets.join(', ') : '', removes.length ? 'REMOVE ' + removes.join(', ') : '' ].filter(Boolean).join(' ')
  return { operation: 'UpdateItem', request: { TableName: table.TableName, Key: key, UpdateExpression: update, ConditionExpression: condition, ...build.placeholders() } }
}

async function selectRequest (ctx, statement, parameters, raw) {
  const table = await ctx.tables.get(statement.tableName)
  const index = statement.indexName && [ ...(table.GlobalSecondaryIndexes || []), ...(table.LocalSecondaryIndexes || []) ].find((i) => i.IndexName === statement.indexName)
  if (statement.indexName && !index) throw errors.validation(`The table does not have the specified index: ${statement.indexName}`)
  const keySchema = (index || table).KeySchema
  const build = expressionBuilder(parameters)
  const request = { TableName: table.TableName }
  if (index) request.IndexName = index.IndexName
  if (statement.projection) request.ProjectionExpression = statement.projection.map((p) => build.operand(p)).join(', ')
  if (raw.Limit) request.Limit = raw.Limit
  if (raw.ConsistentRead) request.ConsistentRead = raw.ConsistentRead
  if (raw.NextToken) request.ExclusiveStartKey = JSON.parse(Buffer.from(raw.NextToken, 'base64').toString('utf8'))

  const terms = conjuncts(statement.where)
  const [ hash, range ] = keySchema.map((k) => k.AttributeName)
  const hashTerm = terms.find((t) => equalityOn(t, hash))
  const others = terms.filter((t) => t !== hashTerm)
  const rangeTerms = others.filter((t) => references(t, [ hash, range ].filter(Boolean)))
  const rangeTerm = rangeTerms[0]
  const queryable = hashTerm && rangeTerms.length <= 1 && (!rangeTerm || (range && (
    (KEY_CONDITIONS.has(rangeTerm.compare) && topName(rangeTerm.left) === range && isValue(rangeTerm.right)) ||
    (rangeTerm.between && topName(rangeTerm.between) === range) ||
    (rangeTerm.call === 'begins_with' && topName(rangeTerm.args[0]) === range))))
  if (queryable) {
    request.KeyConditionExpression = build.condition(both([ hashTerm, rangeTerm ].filter(Boolean)))
    const filter = both(others.filter((t) => t !== rangeTerm))
    if (filter) request.FilterExpression = build.condition(filter)
    return { operation: 'Query', request: { ...request, ...build.placeholders() } }
  }
  if (statement.where) request.FilterExpression = build.condition(statement.where)
  return { operation: 'Scan', request: { ...request, ...build.placeholders() } }
}

// A SELECT of one item by its whole key, as batches and transactions require: a GetItem.
async function getRequest (ctx, statement, parameters) {
  const table = await ctx.tables.get(statement.tableName)
  const build = expressionBuilder(parameters)
  const { key, rest } = splitKey(statement, table, build)
  if (rest || statement.indexName) throw errors.validation('A SELECT in a batch or transaction names one item by its whole key, and nothing else')
  const request = { TableName: table.TableName, Key: key }
  if (statement.projection) request.ProjectionExpression = statement.projection.map((p) => build.operand(p)).join(', ')
  return { operation: 'GetItem', request: { ...request, ...build.placeholders() } }
}

function duplicate () {
  return errors.awsError('DuplicateItemException', 'Duplicate primary key exists in table')
}

async function runWrite (ctx, write) {
  try {
    await ctx.dynalite.run(write.operation, ctx.dynalite.validate(write.operation, write.request))
  }
  catch (err) {
    if (write.insert && err.body && /ConditionalCheckFailed/.test(err.body.__type)) throw duplicate()
    throw err
  }
}

function parsed (entry) {
  if (!entry || typeof entry.Statement !== 'string') throw errors.validation('Statement is required')
  return parse(entry.Statement, (entry.Parameters || []).length)
}

function createPartiQL (ctx) {
  async function executeStatement (raw) {
    const statement = parsed(raw)
    const parameters = raw.Parameters || []
    if (statement.kind !== 'select') {
      await runWrite(ctx, await writeRequest(ctx, statement, parameters))
      return { Items: [] }
    }
    const read = await selectRequest(ctx, statement, parameters, raw)
    const page = await ctx.dynalite.run(read.operation, ctx.dynalite.validate(read.operation, read.request))
    const answer = { Items: page.Items }
    if (page.LastEvaluatedKey) answer.NextToken = Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64')
    return answer
  }

  // Each statement succeeds or fails on its own; errors are answered in its place, with BatchStatementError's codes.
  async function batchExecuteStatement (raw) {
    const statements = raw.Statements
    if (!Array.isArray(statements) || statements.length < 1 || statements.length > 25) {
      throw errors.validation("1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25")
    }
    const responses = []
    for (const entry of statements) {
      try {
        const statement = parsed(entry)
        if (statement.kind === 'select') {
          const read = await getRequest(ctx, statement, entry.Parameters || [])
          const { Item } = await ctx.dynalite.run('GetItem', ctx.dynalite.validate('GetItem', read.request))
          responses.push(Item ? { TableName: statement.tableName, Item } : { TableName: statement.tableName })
        }
        else {
          await runWrite(ctx, await writeRequest(ctx, statement, entry.Parameters || []))
          responses.push({ TableName: statement.tableName })
        }
      }
      catch (err) {
        if (!err.body) throw err
        const type = err.body.__type.split('#').pop()
        const code = { ConditionalCheckFailedException: 'ConditionalCheckFailed', DuplicateItemException: 'DuplicateItem', ResourceNotFoundException: 'ResourceNotFound' }[type] || 'ValidationError'
        responses.push({ Error: { Code: code, Message: err.body.message } })
      }
    }
    return { Responses: responses }
  }

  // All reads (TransactGetItems) or all writes (TransactWriteItems), with the transactions' rules and idempotency.
  async function executeTransaction (raw) {
    const entries = raw.TransactStatements
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 100) {
      throw errors.validation("1 validation error detected: Value at 'transactStatements' failed to satisfy constraint: Member must have length between 1 and 100")
    }
    const statements = entries.map(parsed)
    if (statements.every((s) => s.kind === 'select')) {
      const gets = await Promise.all(statements.map((s, i) => getRequest(ctx, s, entries[i].Parameters || [])))
      const answer = await ctx.transactions.transactGetItems({ TransactItems: gets.map((g) => ({ Get: g.request })) })
      return { Responses: answer.Responses }
    }
    if (statements.some((s) => s.kind === 'select')) throw errors.validation('A transaction is all reads or all writes')
    const writes = await Promise.all(statements.map((s, i) => writeRequest(ctx, s, entries[i].Parameters || [])))
    const kinds = { PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete' }
    try {
      await ctx.transactions.transactWriteItems({
        ClientRequestToken: raw.ClientRequestToken,
        TransactItems: writes.map((w) => ({ [kinds[w.operation]]: w.request })),
      })
    }
    catch (err) {
      if (!err.body || !err.body.CancellationReasons) throw err
      // An INSERT's failed condition is its key already in use.
      throw cancelled(err.body.CancellationReasons.map((reason, i) =>
        writes[i].insert && reason.Code === 'ConditionalCheckFailed' ? { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' } : reason))
    }
    return { Responses: [] }
  }

  return { executeStatement, batchExecuteStatement, executeTransaction }
}

module.exports = { createPartiQL }
