'use strict'
// Errors in the shape the AWS SDKs parse: HTTP status plus a JSON body with __type and message.

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#'

function awsError (type, message, statusCode = 400) {
  const err = new Error(message)
  err.statusCode = statusCode
  err.body = { __type: type.includes('#') ? type : DYNAMODB + type, message }
  return err
}

const validation = (message) => awsError('com.amazon.coral.validate#ValidationException', message)

module.exports = {
  awsError,
  validation,
  // AWS's input checks, field named as its wire protocol spells it (camelCase, dotted for nested fields).
  notNull: (field) => validation(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`),
  notInEnum: (field, value, allowed) => validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`),
  resourceInUse: (message) => awsError('ResourceInUseException', message),
  resourceNotFound: (message) => awsError('ResourceNotFoundException', message),
  tableNotFound: (name) => awsError('TableNotFoundException', `Table not found: ${name}`),
  limitExceeded: (message) => awsError('LimitExceededException', message),
  // Names that AWS sends from its coral front end rather than from DynamoDB itself.
  injected (name, message) {
    const statusCode = name === 'InternalServerError' ? 500 : name === 'ServiceUnavailable' ? 503 : 400
    const type = name === 'ThrottlingException' ? 'com.amazon.coral.availability#ThrottlingException' : name
    return awsError(type, message || `Injected ${name}`, statusCode)
  },
}
