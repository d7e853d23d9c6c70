'use strict'
// Query: dynalite's, except on a global secondary index keyed by several attributes, which this server reads itself.
// AWS's rules for such a key (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html):
// every HASH attribute with `=`; RANGE attributes left to right with none skipped, `=` on all but the last, which may
// take any key condition.
const db = require('dynalite/db')
const errors = require('../errors')
const { hashKeys, rangeKeys, isMultiAttribute } = require('../keySchemas')

const UNINDEXABLE = [ 'NULL', 'NOT_NULL', 'NE', 'CONTAINS', 'NOT_CONTAINS', 'IN' ]

module.exports = async function query (ctx, raw, data) {
  const table = await ctx.tables.get(data.TableName).catch(() => null)
  const index = table && (table.GlobalSecondaryIndexes || []).find((i) => i.IndexName === data.IndexName)
  if (!index || !isMultiAttribute(index.KeySchema)) {
    // dynalite's own limit, which the relaxed rules left for here: a one- or two-attribute key takes one or two conditions.
    const conditions = Object.keys(data.KeyConditions).length
    if (conditions !== 1 && conditions !== 2) throw errors.validation('Conditions can be of length 1 or 2 only')
    return ctx.dynalite.run('Query', data)
  }
  const startKeyNames = table.KeySchema.concat(index.KeySchema).map((key) => key.AttributeName).filter((name, i, all) => all.indexOf(name) === i)
  const opts = { reverse: data.ScanIndexForward === false, limit: data.Limit ? data.Limit + 1 : -1, ...keyRange(table, index, data.KeyConditions) }
  if (data.ConsistentRead) throw errors.validation('Consistent reads are not supported on global secondary indexes')
  checkNotKeys(index, (data._filter || {}).pathHeads || data.QueryFilter)
  if (data.Select === 'ALL_ATTRIBUTES' && index.Projection.ProjectionType !== 'ALL') {
    throw errors.validation(`One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.IndexName} because its projection type is not ALL`)
  }
  if (data.ExclusiveStartKey) startAfter(table, index, data, startKeyNames, opts)
  return new Promise((resolve, reject) =>
    db.queryTable(ctx.store, table, data, opts, false, false, startKeyNames, (err, result) => err ? reject(err) : resolve(result)))
}

// The index entries a query reads: dynalite stores them under the HASH attributes' values, then each RANGE value in
// turn ('/' after each), so a prefix of key values is a range of entries.
function keyRange (table, index, conditions) {
  const keys = index.KeySchema.map((key) => key.AttributeName)
  const stray = Object.keys(conditions).find((name) => !keys.includes(name))
  if (stray) throw errors.validation(`Query condition missed key schema element: ${keys.find((name) => !conditions[name]) || stray}`)
  const typeOf = (name) => table.AttributeDefinitions.find((d) => d.AttributeName === name).AttributeType
  for (const [ name, condition ] of Object.entries(conditions)) {
    if (UNINDEXABLE.includes(condition.ComparisonOperator)) throw errors.validation('Attempted conditional constraint is not an indexable operation')
    if (condition.AttributeValueList.some((value) => value[typeOf(name)] == null)) {
      throw errors.validation('One or more parameter values were invalid: Condition parameter type does not match schema type')
    }
  }
  const piece = (name) => db.toRangeStr(conditions[name].AttributeValueList[0][typeOf(name)], typeOf(name)) + '/'
  const hashes = hashKeys(index.KeySchema).map((key) => key.AttributeName)
  for (const name of hashes) {
    if (!conditions[name]) throw errors.validation(`Query condition missed key schema element: ${name}`)
    if (conditions[name].ComparisonOperator !== 'EQ') throw errors.validation('Query key condition not supported')
  }
  const first = conditions[hashes[0]].AttributeValueList[0][typeOf(hashes[0])]
  let prefix = db.hashPrefix(first, typeOf(hashes[0])) + '/' + hashes.map(piece).join('')

  const ranges = rangeKeys(index.KeySchema).map((key) => key.AttributeName)
  const given = ranges.filter((name) => conditions[name])
  const skipped = ranges.slice(0, given.length).find((name) => !conditions[name])
  if (skipped) throw errors.validation(`Query key condition not supported: the RANGE key attribute ${skipped} must be given before ${ranges.find((name, i) => i > ranges.indexOf(skipped) && conditions[name])}`)
  const last = given[given.length - 1]
  const lastCondition = last && conditions[last]
  const inequality = lastCondition && lastCondition.ComparisonOperator !== 'EQ'
  const nonEqual = given.slice(0, -1).find((name) => conditions[name].ComparisonOperator !== 'EQ')
  if (nonEqual) throw errors.validation(`Query key condition not supported: only the last RANGE key attribute given (${last}) can have a condition other than =, not ${nonEqual}`)
  prefix += (inequality ? given.slice(0, -1) : given).map(piece).join('')
  if (!inequality) return { gte: prefix, lt: prefix + '~' }
  return rangeCondition(prefix, lastCondition)
}

// dynalite's reading of one RANGE condition, under the prefix of the values before it.
function rangeCondition (prefix, condition) {
  const [ low, high ] = condition.AttributeValueList.map((value) => db.toRangeStr(value))
  switch (condition.ComparisonOperator) {
    case 'LT': return { gte: prefix, lt: prefix + low + '/' }
    case 'LE': return { gte: prefix, lte: prefix + low + '/~' }
    case 'GT': return { gt: prefix + low + '/~', lt: prefix + '~' }
    case 'GE': return { gte: prefix + low + '/', lt: prefix + '~' }
    case 'BEGINS_WITH': return { gte: prefix + low, lt: prefix + low + '~' }
    case 'BETWEEN': return { gte: prefix + low + '/', lte: prefix + high + '/~' }
    default: throw errors.validation('Query key condition not supported')
  }
}

function checkNotKeys (index, pathHeads) {
  const key = index.KeySchema.find((k) => pathHeads && pathHeads[k.AttributeName])
  if (key) throw errors.validation(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${key.AttributeName}`)
}

// A page after the first starts after the last entry the previous page returned, which must be in the same partition.
function startAfter (table, index, data, startKeyNames, opts) {
  const start = data.ExclusiveStartKey
  if (Object.keys(start).length !== startKeyNames.length || startKeyNames.some((name) => !start[name])) {
    throw errors.validation('The provided starting key is invalid')
  }
  const outside = hashKeys(index.KeySchema).some((key) => !db.compare('EQ', start[key.AttributeName], data.KeyConditions[key.AttributeName].AttributeValueList))
  if (outside) throw errors.validation('The provided starting key is outside query boundaries based on provided conditions')
  const startKey = db.createIndexKey(start, table, index.KeySchema)
  if (opts.reverse) { delete opts.lte; opts.lt = startKey }
  else { delete opts.gte; opts.gt = startKey }
}
