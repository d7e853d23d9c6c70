'use strict'
// Global secondary index keys of several attributes: up to 4 HASH attributes, then up to 4 RANGE attributes, in
// the order they are queried (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys).
// dynalite knows one HASH and one RANGE; its index storage already orders items by every key attribute in turn, so
// only the checks that count key attributes are this server's own.
const MAX_PER_TYPE = 4

const hashKeys = (keySchema) => keySchema.filter((key) => key.KeyType === 'HASH')
const rangeKeys = (keySchema) => keySchema.filter((key) => key.KeyType === 'RANGE')

function isMultiAttribute (keySchema) {
  return hashKeys(keySchema).length > 1 || rangeKeys(keySchema).length > 1
}

// AWS's message for a malformed GSI key, or undefined when the schema is one AWS accepts.
function checkIndexKeySchema (indexName, keySchema) {
  const types = keySchema.map((key) => key.KeyType)
  const hashes = types.filter((type) => type === 'HASH').length
  const prefix = 'One or more parameter values were invalid: '
  // AWS's message for an attribute named twice, recorded when a key had two attributes at most.
  const names = keySchema.map((key) => key.AttributeName)
  if (names.some((name, i) => names.indexOf(name) !== i)) return 'Both the Hash Key and the Range Key element in the KeySchema have the same name'
  if (types[0] !== 'HASH') return 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type'
  if (types.some((type) => type !== 'HASH' && type !== 'RANGE')) return `${prefix}Invalid KeyType in the KeySchema of index: ${indexName}`
  if (types.slice(hashes).includes('HASH')) return `${prefix}HASH key attributes must come before RANGE key attributes in the KeySchema of index: ${indexName}`
  if (hashes > MAX_PER_TYPE || types.length - hashes > MAX_PER_TYPE) {
    return `${prefix}An index key can have at most ${MAX_PER_TYPE} HASH and ${MAX_PER_TYPE} RANGE attributes; index: ${indexName}`
  }
}

// The first HASH and RANGE attributes: what dynalite's own checks of a key can read.
function firstOfEach (keySchema) {
  return [ hashKeys(keySchema)[0], rangeKeys(keySchema)[0] ].filter(Boolean)
}

module.exports = { MAX_PER_TYPE, hashKeys, rangeKeys, isMultiAttribute, checkIndexKeySchema, firstOfEach }
