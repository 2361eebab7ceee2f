namespace MultiRegion.Infra.Model.Tests.Loading;

/// <summary>A small valid stack config that tests break one rule at a time.</summary>
internal static class ValidYaml
{
    public const string Text = """
        app: shop
        environment: test
        account: "123456789012"
        dns:
          zoneName: shop.example.com
          hostedZoneId: Z0123456789ABCDEFGHIJ
        regions:
          - name: us-west-2
            role: primary
            trafficWeight: 70
            availabilityZones: [us-west-2a, us-west-2b]
            vpcCidr: 10.1.0.0/16
          - name: us-east-1
            role: secondary
            trafficWeight: 30
            availabilityZones: [us-east-1a, us-east-1b]
            vpcCidr: 10.2.0.0/16
        sizing:
          primary:
            spotPercent: 50
            nodeGroups:
              cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2, maxSize: 4 }
          secondary:
            spotPercent: 50
            nodeGroups:
              cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 1, maxSize: 2 }
        """;

    /// <summary>The valid text with one literal fragment replaced (the fragment must occur).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Text);
        return Text.Replace(find, replace);
    }
}
