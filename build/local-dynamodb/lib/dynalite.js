'use strict'
// dynalite's own validations and actions, called with the store this server owns.
const validations = require('dynalite/validations')

function bind (store) {
  const cache = {}
  function load (operation) {
    const name = validations.toLowerFirst(operation)
    if (!cache[name]) cache[name] = { action: require(`dynalite/actions/${name}`), rules: require(`dynalite/validations/${name}`) }
    return cache[name]
  }

  // Type checks drop the fields dynalite does not know, so callers read those from the raw request first.
  function validate (operation, raw) {
    const { rules } = load(operation)
    const data = validations.checkTypes(JSON.parse(JSON.stringify(raw)), rules.types)
    validations.checkValidations(data, rules.types, rules.custom, store)
    return data
  }

  function run (operation, data) {
    const { action } = load(operation)
    return new Promise((resolve, reject) => action(store, data, (err, result) => err ? reject(err) : resolve(result)))
  }

  // The TableName rules every table operation shares (type, length, characters), with AWS's messages: for the
  // operations this server implements itself, before anything else, so a name that is not a string never reaches a lock.
  function validateTableName (raw) {
    validate('DescribeTable', { TableName: raw == null ? undefined : raw.TableName })
  }

  return { validate, validateTableName, run, supports: (operation) => { try { load(operation); return true } catch { return false } } }
}

module.exports = { bind }
