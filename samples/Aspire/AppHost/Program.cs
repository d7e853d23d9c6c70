var builder = DistributedApplication.CreateBuilder(args);

// The Dynatus local DynamoDB (Node.js, no container), healthy once the API's tables and seed rows are synced.
var dynamodb = builder.AddDynatusDynamoDBLocal("dynamodb")
    .WithTables("../Orders.Api/dynamo")
    .WithSeedData("../Orders.Api/dynamo/seed");

// The API's unchanged AWS SDK client finds the local DynamoDB through AWS_ENDPOINT_URL_DYNAMODB.
builder.AddProject<Projects.Orders_Api>("api")
    .WithReference(dynamodb)
    .WaitFor(dynamodb);

builder.Build().Run();
