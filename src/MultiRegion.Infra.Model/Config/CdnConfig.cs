namespace MultiRegion.Infra.Model.Config;

/// <summary>CloudFront price classes: which edge locations serve the distribution.</summary>
public enum PriceClass
{
    /// <summary>Every edge location (PriceClass_All).</summary>
    All,

    /// <summary>North America, Europe, Asia, Middle East and Africa (PriceClass_200).</summary>
    Class200,

    /// <summary>North America and Europe only (PriceClass_100).</summary>
    Class100,
}

/// <summary>HTTP methods a cache behaviour allows.</summary>
public enum AllowedMethods
{
    /// <summary>GET and HEAD.</summary>
    ReadOnly,

    /// <summary>GET, HEAD and OPTIONS (CORS preflight).</summary>
    ReadOnlyWithOptions,

    /// <summary>Every method, including POST, PUT, PATCH and DELETE. Not possible on an origin group.</summary>
    All,
}

/// <summary>
/// The CloudFront distribution. Origins are the regional endpoints (<c>&lt;region&gt;.&lt;zone&gt;</c>), the
/// routed names and the accelerator's name; behaviours pick one by name (see <see cref="CacheBehaviorConfig.Origin"/>).
/// </summary>
/// <param name="DomainName">The distribution's name, relative to the zone (one label, e.g. <c>www</c>); its certificate is issued in us-east-1.</param>
/// <param name="OriginGroups">Failover pairs by name: primary, then secondary on the failover status codes or a connection error.</param>
/// <param name="OriginFailover">When and how fast an origin group fails over.</param>
/// <param name="DefaultBehavior">The behaviour for every path no other behaviour matches.</param>
/// <param name="Behaviors">Path behaviours, matched in order.</param>
/// <param name="LogRetentionDays">Days access logs are kept in the logging bucket.</param>
public sealed record CdnConfig(
    string DomainName,
    IReadOnlyDictionary<string, OriginGroupConfig> OriginGroups,
    OriginFailoverConfig OriginFailover,
    CacheBehaviorConfig DefaultBehavior,
    IReadOnlyList<PathBehaviorConfig>? Behaviors = null,
    PriceClass PriceClass = PriceClass.All,
    int LogRetentionDays = 90)
{
    /// <summary>Origin names a behaviour may use besides regions and origin groups.</summary>
    public const string WeightedOrigin = "weighted", LatencyOrigin = "latency", GeolocationOrigin = "geolocation", AcceleratorOrigin = "accelerator";

    public static readonly IReadOnlyList<string> RoutedOrigins = [WeightedOrigin, LatencyOrigin, GeolocationOrigin, AcceleratorOrigin];

    public IReadOnlyList<PathBehaviorConfig> PathBehaviors => Behaviors ?? [];

    /// <summary>Minimum TLS version viewers may use. Fixed: the newest policy CloudFront offers for SNI certificates.</summary>
    public const string MinimumProtocolVersion = "TLSv1.2_2021";
}

/// <summary>An origin group: exactly two regional origins. CloudFront fails over per request, for GET/HEAD/OPTIONS only.</summary>
/// <param name="Primary">Region tried first.</param>
/// <param name="Secondary">Region tried when the primary fails. Required: a group has exactly two origins.</param>
public sealed record OriginGroupConfig(
    string Primary,
    string? Secondary = null);

/// <summary>Origin failover timing (CloudFront defaults: 3 attempts, 10 s connection timeout, 30 s read timeout).</summary>
/// <param name="StatusCodes">Origin answers that make CloudFront try the secondary.</param>
/// <param name="ConnectionAttempts">Attempts to connect to an origin before failing over: 1-3.</param>
/// <param name="ConnectionTimeoutSeconds">Seconds to wait for a connection: 1-10.</param>
/// <param name="ReadTimeoutSeconds">Seconds to wait for a response: 1-60.</param>
public sealed record OriginFailoverConfig(
    IReadOnlyList<int> StatusCodes,
    int ConnectionAttempts,
    int ConnectionTimeoutSeconds,
    int ReadTimeoutSeconds = 30)
{
    public static readonly IReadOnlyList<int> AllowedStatusCodes = [400, 403, 404, 416, 500, 502, 503, 504];
}

/// <summary>How CloudFront serves a set of paths.</summary>
/// <param name="Origin">A region, an origin group name, or a routed name: weighted, latency, geolocation, accelerator.</param>
/// <param name="TtlSeconds">Cache time; 0 disables caching and forwards every viewer header, cookie and query string (APIs, WebSockets).</param>
/// <param name="Methods">Allowed methods; <c>all</c> is rejected on an origin group.</param>
public record CacheBehaviorConfig(
    string Origin,
    long TtlSeconds,
    AllowedMethods Methods = AllowedMethods.ReadOnly);

/// <summary>A behaviour for the paths matching <paramref name="PathPattern"/>.</summary>
public sealed record PathBehaviorConfig(
    string PathPattern,
    string Origin,
    long TtlSeconds,
    AllowedMethods Methods = AllowedMethods.ReadOnly) : CacheBehaviorConfig(Origin, TtlSeconds, Methods);
