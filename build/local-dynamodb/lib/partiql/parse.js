'use strict'
// PartiQL for DynamoDB, the statements AWS's documentation uses
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html): SELECT, INSERT, UPDATE and
// DELETE, with ? parameters. Parsed into a small tree that ./execute.js turns into DynamoDB requests; anything else is a
// ValidationException that says what is not supported.
const errors = require('../errors')

const KEYWORDS = new Set([ 'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'IS', 'MISSING', 'NULL', 'TRUE',
  'FALSE', 'INSERT', 'INTO', 'VALUE', 'UPDATE', 'SET', 'REMOVE', 'DELETE', 'RETURNING', 'EXISTS' ])
const FUNCTIONS = new Set([ 'begins_with', 'contains', 'attribute_type', 'size' ])

function malformed (detail) {
  return errors.validation(`Statement wasn't well formed, can't be processed: ${detail}`)
}

function tokenize (text) {
  const tokens = []
  const pattern = /\s+|(<<|>>|<>|!=|<=|>=|[()[\]{},.:?=<>+\-*])|("(?:[^"]|"")*")|('(?:[^']|'')*')|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/y
  let position = 0
  while (position < text.length) {
    pattern.lastIndex = position
    const match = pattern.exec(text)
    if (!match) throw malformed(`unexpected character '${text[position]}' at position ${position + 1}`)
    position = pattern.lastIndex
    const [ , symbol, quotedName, string, number, word ] = match
    if (symbol) tokens.push({ kind: 'symbol', value: symbol })
    else if (quotedName) tokens.push({ kind: 'name', value: quotedName.slice(1, -1).replace(/""/g, '"') })
    else if (string) tokens.push({ kind: 'string', value: string.slice(1, -1).replace(/''/g, "'") })
    else if (number) tokens.push({ kind: 'number', value: number })
    else if (word) tokens.push(KEYWORDS.has(word.toUpperCase()) ? { kind: 'keyword', value: word.toUpperCase() } : { kind: 'name', value: word })
  }
  return tokens
}

function parse (text, parameterCount) {
  const tokens = tokenize(String(text))
  let at = 0
  let parameters = 0
  const peek = (value, offset = 0) => tokens[at + offset] && (value === undefined || tokens[at + offset].value === value) && tokens[at + offset].kind !== 'string' && tokens[at + offset].kind !== 'name' ? tokens[at + offset] : null
  const accept = (value) => peek(value) ? tokens[at++] : null
  const expect = (value) => accept(value) || fail(`expected ${value}`)
  function fail (what) {
    const near = tokens[at] ? `'${tokens[at].value}'` : 'the end of the statement'
    throw malformed(`${what} near ${near}`)
  }
  function name () {
    const token = tokens[at]
    if (!token || token.kind !== 'name') fail('expected a name')
    at++
    return token.value
  }

  function path () {
    const steps = [ name() ]
    for (;;) {
      if (accept('.')) steps.push(name())
      else if (peek('[') && tokens[at + 1] && tokens[at + 1].kind === 'number') {
        at++
        steps.push(Number(tokens[at++].value))
        expect(']')
      }
      else return { path: steps }
    }
  }

  function value () {
    const token = tokens[at]
    if (!token) fail('expected a value')
    if (token.kind === 'string') { at++; return { value: { S: token.value } } }
    if (token.kind === 'number') { at++; return { value: { N: token.value } } }
    if (accept('-') && tokens[at] && tokens[at].kind === 'number') return { value: { N: '-' + tokens[at++].value } }
    if (accept('?')) return { parameter: parameters++ }
    if (accept('TRUE')) return { value: { BOOL: true } }
    if (accept('FALSE')) return { value: { BOOL: false } }
    if (accept('NULL')) return { value: { NULL: true } }
    if (accept('[')) return { list: items(']', value) }
    if (accept('<<')) return { set: items('>>', value) }
    if (accept('{')) {
      return { map: items('}', () => {
        const key = tokens[at]
        if (!key || (key.kind !== 'string' && key.kind !== 'name')) fail('expected a map key')
        at++
        expect(':')
        return { key: key.value, value: value() }
      }) }
    }
    fail('expected a value')
  }

  function items (close, item) {
    if (accept(close)) return []
    const list = commaList(item)
    expect(close)
    return list
  }

  function commaList (item) {
    const list = []
    do list.push(item()); while (accept(','))
    return list
  }

  function operand () {
    const token = tokens[at]
    if (token && token.kind === 'name' && FUNCTIONS.has(token.value.toLowerCase()) && tokens[at + 1] && tokens[at + 1].value === '(') {
      at += 2
      const args = items(')', operand)
      return { call: token.value.toLowerCase(), args }
    }
    return token && token.kind === 'name' ? path() : value()
  }

  function condition () {
    let left = conjunction()
    while (accept('OR')) left = { or: [ left, conjunction() ] }
    return left
  }

  function conjunction () {
    let left = negation()
    while (accept('AND')) left = { and: [ left, negation() ] }
    return left
  }

  function negation () {
    if (accept('NOT')) return { not: negation() }
    if (accept('(')) {
      const inner = condition()
      expect(')')
      return inner
    }
    const left = operand()
    if (left.call && left.call !== 'size') return left
    for (const op of [ '=', '<>', '!=', '<=', '>=', '<', '>' ]) {
      if (accept(op)) return { compare: op === '!=' ? '<>' : op, left, right: operand() }
    }
    if (accept('BETWEEN')) {
      const low = operand()
      expect('AND')
      return { between: left, low, high: operand() }
    }
    if (accept('IN')) {
      const open = accept('[') ? ']' : (expect('('), ')')
      return { in: left, options: items(open, operand) }
    }
    if (accept('IS')) {
      const negated = !!accept('NOT')
      expect('MISSING')
      return { missing: left, negated }
    }
    return fail('expected a comparison')
  }

  function table () {
    const tableName = name()
    const indexName = accept('.') ? name() : undefined
    return { tableName, indexName }
  }

  function where () {
    return accept('WHERE') ? condition() : undefined
  }

  function statement () {
    if (accept('SELECT')) {
      const projection = accept('*') ? null : commaList(path)
      expect('FROM')
      return { kind: 'select', projection, ...table(), where: where() }
    }
    if (accept('INSERT')) {
      expect('INTO')
      const target = table()
      expect('VALUE')
      const item = value()
      if (!item.map && item.parameter === undefined) fail('INSERT needs a map of the item\'s attributes')
      return { kind: 'insert', ...target, item }
    }
    if (accept('UPDATE')) {
      const target = table()
      const set = []
      const remove = []
      while (peek('SET') || peek('REMOVE')) {
        if (accept('SET')) {
          do {
            const target = path()
            expect('=')
            const first = operand()
            const op = accept('+') ? '+' : accept('-') ? '-' : null
            set.push({ path: target, value: op ? { arithmetic: op, left: first, right: operand() } : first })
          } while (accept(','))
        }
        else {
          accept('REMOVE')
          remove.push(...commaList(path))
        }
      }
      if (!set.length && !remove.length) fail('UPDATE needs SET or REMOVE')
      return { kind: 'update', ...target, set, remove, where: where() }
    }
    if (accept('DELETE')) {
      expect('FROM')
      return { kind: 'delete', ...table(), where: where() }
    }
    return fail('expected SELECT, INSERT, UPDATE or DELETE')
  }

  const parsed = statement()
  if (at < tokens.length) {
    if (peek('RETURNING') || peek('EXISTS')) throw errors.validation(`Unsupported: ${tokens[at].value} (the local DynamoDB runs SELECT, INSERT, UPDATE and DELETE)`)
    fail('unexpected text')
  }
  if (parameters !== parameterCount) {
    throw errors.validation(`Number of parameters in request and statement don't match.`)
  }
  return parsed
}

module.exports = { parse }
