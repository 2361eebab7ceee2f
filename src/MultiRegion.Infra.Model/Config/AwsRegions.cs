namespace MultiRegion.Infra.Model.Config;

/// <summary>Commercial AWS regions the program knows, so a typo in a region name fails at load, not at deploy.</summary>
public static class AwsRegions
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ca-central-1", "ca-west-1", "mx-central-1",
        "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
        "eu-north-1", "eu-south-1", "eu-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-south-1", "ap-south-2", "ap-east-1",
        "me-south-1", "me-central-1", "il-central-1", "af-south-1",
    };

    /// <summary>CloudFront's WAF web ACLs and ACM certificates must live here (WAF scope CLOUDFRONT).</summary>
    public const string CloudFrontHome = "us-east-1";

    /// <summary>Global Accelerator's API, and so its CloudFormation resources, exist only here.</summary>
    public const string GlobalAcceleratorHome = "us-west-2";
}
