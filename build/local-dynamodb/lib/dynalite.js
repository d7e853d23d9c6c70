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
    return check(load(operation).rules, raw)
  }

  // dynalite's checks with rules of our own (for the operations this server implements itself): AWS's
  // SerializationException for a wrong type, and its ValidationException messages for the rest.
  function check (rules, raw) {
    const data = validations.checkTypes(JSON.parse(JSON.stringify(raw)), rules.types)
    validations.checkValidations(data, rules.types, rules.custom, store)
    return data
  }

  function run (operation, data) {
    const { action } = load(operation)
    return new Promise((resolve, reject) => action(store, data, (err, result) => err ? reject(err) : resolve(result)))
  }

  return { validate, check, run, supports: (operation) => { try { load(operation); return true } catch { return false } } }
}

module.exports = { bind }
