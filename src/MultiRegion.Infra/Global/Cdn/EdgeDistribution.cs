using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Route53;
using Constructs;
using MultiRegion.Infra.Global.Dns;
using MultiRegion.Infra.Model.Config;
using CfAllowedMethods = Amazon.CDK.AWS.CloudFront.AllowedMethods;
using CfPriceClass = Amazon.CDK.AWS.CloudFront.PriceClass;

namespace MultiRegion.Infra.Global.Cdn;

/// <summary>Inputs of <see cref="EdgeDistribution"/>.</summary>
/// <param name="RoutedNames">Fully qualified name of each routed origin (weighted, latency, geolocation, accelerator) that exists.</param>
/// <param name="WebAclArn">The CLOUDFRONT-scope web ACL, if any.</param>
public sealed record EdgeDistributionProps(
    CdnConfig Cdn,
    DnsNames Names,
    IHostedZone Zone,
    IReadOnlyList<string> Regions,
    IReadOnlyDictionary<string, string> RoutedNames,
    string? WebAclArn,
    bool ProtectData,
    string Prefix,
    IReadOnlyDictionary<string, string>? OriginHeaders = null);

/// <summary>
/// The CloudFront distribution: origins are the regions' origin names and the routed names (all HTTPS, TLS 1.2+,
/// covered by the regional certificates), origin groups fail over on the configured status codes and connection
/// errors with the configured attempts and timeouts; behaviours from config. Viewer TLS uses a us-east-1 ACM
/// certificate with TLSv1.2_2021 at minimum, HTTP/2 and HTTP/3; access logs go to their own bucket.
/// </summary>
public sealed class EdgeDistribution : Construct
{
    public Distribution Distribution { get; }
    public Certificate Certificate { get; }
    public AccessLogBucket Logs { get; }
    public string DomainName { get; }

    private readonly Dictionary<string, IOrigin> _origins = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ICachePolicy> _cachePolicies = [];

    public EdgeDistribution(Construct scope, string id, EdgeDistributionProps props) : base(scope, id)
    {
        var cdn = props.Cdn;
        DomainName = props.Names.Fqdn(cdn.DomainName);

        // Lives in the global stack, i.e. us-east-1, where CloudFront takes its certificates from.
        Certificate = new Certificate(this, "Certificate", new CertificateProps
        {
            DomainName = DomainName,
            Validation = CertificateValidation.FromDns(props.Zone),
        });
        Logs = new AccessLogBucket(this, "AccessLogs", cdn.LogRetentionDays, props.ProtectData);

        var additional = new Dictionary<string, IBehaviorOptions>(StringComparer.Ordinal);
        foreach (var b in cdn.PathBehaviors)
            additional[b.PathPattern] = Behavior(b, props);

        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = $"{props.Prefix} edge",
            DomainNames = [DomainName],
            Certificate = Certificate,
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            EnableIpv6 = true,
            PriceClass = cdn.PriceClass switch
            {
                Model.Config.PriceClass.Class100 => CfPriceClass.PRICE_CLASS_100,
                Model.Config.PriceClass.Class200 => CfPriceClass.PRICE_CLASS_200,
                _ => CfPriceClass.PRICE_CLASS_ALL,
            },
            DefaultBehavior = Behavior(cdn.DefaultBehavior, props),
            AdditionalBehaviors = additional,
            EnableLogging = true,
            LogBucket = Logs.Bucket,
            LogFilePrefix = "cloudfront/",
            WebAclId = props.WebAclArn,
        });

        foreach (var type in new[] { "A", "AAAA" })
            AliasRecord.Create(this, $"Alias{type}", props.Names, DomainName, Distribution.DistributionDomainName,
                AliasRecord.CloudFrontZoneId, evaluateTargetHealth: false, type: type);
    }

    private BehaviorOptions Behavior(CacheBehaviorConfig b, EdgeDistributionProps props)
    {
        var noCache = b.TtlSeconds == 0;
        return new BehaviorOptions
        {
            Origin = Origin(b.Origin, props),
            ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            Compress = true,
            AllowedMethods = b.Methods switch
            {
                Model.Config.AllowedMethods.All => CfAllowedMethods.ALLOW_ALL,
                Model.Config.AllowedMethods.ReadOnlyWithOptions => CfAllowedMethods.ALLOW_GET_HEAD_OPTIONS,
                _ => CfAllowedMethods.ALLOW_GET_HEAD,
            },
            CachedMethods = b.Methods == Model.Config.AllowedMethods.ReadOnly ? CachedMethods.CACHE_GET_HEAD : CachedMethods.CACHE_GET_HEAD_OPTIONS,
            CachePolicy = noCache ? CachePolicy.CACHING_DISABLED : CachePolicyFor(b.TtlSeconds),
            // Uncached paths (APIs, WebSockets) get every viewer header, cookie and query string; the Host header
            // stays the origin's name so TLS to the origin matches its certificate.
            OriginRequestPolicy = noCache ? OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER : null,
        };
    }

    private ICachePolicy CachePolicyFor(long ttl)
    {
        if (_cachePolicies.TryGetValue(ttl, out var existing))
            return existing;
        return _cachePolicies[ttl] = new CachePolicy(this, $"Ttl{ttl}", new CachePolicyProps
        {
            Comment = $"cache {ttl} s",
            DefaultTtl = Duration.Seconds(ttl),
            MaxTtl = Duration.Seconds(ttl),
            MinTtl = Duration.Seconds(0),
            EnableAcceptEncodingGzip = true,
            EnableAcceptEncodingBrotli = true,
        });
    }

    private IOrigin Origin(string name, EdgeDistributionProps props)
    {
        if (_origins.TryGetValue(name, out var existing))
            return existing;
        var cdn = props.Cdn;
        IOrigin origin;
        if (cdn.OriginGroups.TryGetValue(name, out var group))
            origin = new OriginGroup(new OriginGroupProps
            {
                PrimaryOrigin = Origin(group.Primary, props),
                FallbackOrigin = Origin(group.Secondary!, props),
                FallbackStatusCodes = cdn.OriginFailover.StatusCodes.Select(c => (double)c).ToArray(),
            });
        else
            origin = Http(props.Regions.Contains(name) ? props.Names.RegionOrigin(name) : props.RoutedNames[name], cdn.OriginFailover, props.OriginHeaders);
        return _origins[name] = origin;
    }

    private static HttpOrigin Http(string domain, Model.Config.OriginFailoverConfig f, IReadOnlyDictionary<string, string>? headers) => new(domain, new HttpOriginProps
    {
        // The origin-verify header (Global/Waf/OriginVerify): how the regional web ACLs recognise CloudFront.
        CustomHeaders = headers is { Count: > 0 } ? headers.ToDictionary(h => h.Key, h => h.Value) : null,
        ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY,
        OriginSslProtocols = [OriginSslPolicy.TLS_V1_2],
        ConnectionAttempts = f.ConnectionAttempts,
        ConnectionTimeout = Duration.Seconds(f.ConnectionTimeoutSeconds),
        ReadTimeout = Duration.Seconds(f.ReadTimeoutSeconds),
    });
}
