'use strict'
// Errors in the shape the AWS SDKs parse: HTTP status plus a JSON body with __type and message.

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#'

function awsError (type, message, statusCode = 400) {
  const err = new Error(message)
  err.statusCode = statusCode
  err.body = { __type: type.includes('#') ? type : DYNAMODB + type, message }
  return err
}

module.exports = {
  awsError,
  validation: (message) => awsError('com.amazon.coral.validate#ValidationException', message),
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
