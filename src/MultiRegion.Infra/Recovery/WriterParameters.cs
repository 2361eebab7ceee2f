using Amazon.CDK.AWS.SSM;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Recovery;

namespace MultiRegion.Infra.Recovery;

/// <summary>
/// A region's writer parameters: one SSM parameter per store (<c>/&lt;prefix&gt;/recovery/writer/database</c>,
/// <c>.../cache/&lt;name&gt;</c>) holding, as JSON, the region and identifier of the store's writer. The application reads
/// its writer from here; the runbooks overwrite the value when they move the writer. CloudFormation writes the
/// configured primary at creation and again only when the template changes (a deploy after a failover that
/// touches this value would point back at the configured primary: run the fail-back runbook first).
/// </summary>
public sealed class WriterParameters : Construct
{
    public IReadOnlyDictionary<string, CfnParameter> Parameters { get; }

    public WriterParameters(Construct scope, string id, StackConfig config) : base(scope, id)
    {
        var parameters = new Dictionary<string, CfnParameter>(StringComparer.Ordinal);
        foreach (var store in RunbookPlanner.Stores(config))
            parameters[store] = new CfnParameter(this, string.Concat(store.Split('/', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])), new CfnParameterProps
            {
                Name = RunbookPlanner.WriterParameter(config, store),
                Type = "String",
                Value = RunbookPlanner.WriterValue(config, store, config.PrimaryRegion.Name),
                Description = $"{config.Prefix}: writer of {store} (moved by the failover runbooks)",
            });
        Parameters = parameters;
    }
}
