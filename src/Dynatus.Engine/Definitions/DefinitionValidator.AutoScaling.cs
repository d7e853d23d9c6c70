namespace Dynatus.Engine.Definitions;

// Application Auto Scaling of a provisioned capacity, as CloudFormation's global table declares it.
internal sealed partial class DefinitionValidator
{
    // CDK refuses a DynamoDB target utilization outside 10-90 percent (aws-cdk, aws-dynamodb's scalable-table-attribute.ts):
    // Application Auto Scaling keeps the capacity near it, and outside it either throttles or pays for idle units.
    private const double LowestTargetValue = 10;
    private const double HighestTargetValue = 90;

    private void CheckAutoScaling(DefinitionNode owner, ReadProvisionedThroughputSettingsDefinition? read, WriteProvisionedThroughputSettingsDefinition? write, bool onDemand)
    {
        var sides = new List<(DefinitionNode Node, string Field, string Inner, CapacityAutoScalingSettingsDefinition? Settings)>();
        if (read is not null)
        {
            sides.Add((read, "ReadProvisionedThroughputSettings", nameof(read.ReadCapacityAutoScalingSettings), read.ReadCapacityAutoScalingSettings));
        }

        if (write is not null)
        {
            sides.Add((write, "WriteProvisionedThroughputSettings", nameof(write.WriteCapacityAutoScalingSettings), write.WriteCapacityAutoScalingSettings));
        }

        foreach (var (node, field, inner, settings) in sides)
        {
            if (onDemand)
            {
                Report(ProblemCodes.ThroughputMismatch, $"{field} is not allowed in {Describe(owner)}: BillingMode is PAY_PER_REQUEST, and auto scaling scales provisioned capacity.", owner, field);
            }
            else if (Required(node, inner, settings))
            {
                CheckScaling(settings!);
            }
        }
    }

    private void CheckScaling(CapacityAutoScalingSettingsDefinition settings)
    {
        var hasMin = Required(settings, nameof(settings.MinCapacity), settings.MinCapacity);
        var hasMax = Required(settings, nameof(settings.MaxCapacity), settings.MaxCapacity);
        AtLeast(settings, nameof(settings.MinCapacity), settings.MinCapacity, 1);
        if (hasMin && hasMax && settings.MinCapacity >= 1)
        {
            AtLeast(settings, nameof(settings.MaxCapacity), settings.MaxCapacity, settings.MinCapacity!.Value);
        }

        if (!Required(settings, nameof(settings.TargetTrackingScalingPolicyConfiguration), settings.TargetTrackingScalingPolicyConfiguration))
        {
            return;
        }

        var policy = settings.TargetTrackingScalingPolicyConfiguration!;
        if (Required(policy, nameof(policy.TargetValue), policy.TargetValue) && policy.TargetValue is < LowestTargetValue or > HighestTargetValue)
        {
            Report(ProblemCodes.OutOfRange, $"TargetValue must be a utilization of {LowestTargetValue} to {HighestTargetValue} percent, but is {policy.TargetValue}.", policy, nameof(policy.TargetValue));
        }

        AtLeast(policy, nameof(policy.ScaleInCooldown), policy.ScaleInCooldown, 0);
        AtLeast(policy, nameof(policy.ScaleOutCooldown), policy.ScaleOutCooldown, 0);
    }
}
