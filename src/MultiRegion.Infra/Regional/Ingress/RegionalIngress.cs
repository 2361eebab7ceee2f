using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Route53;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Regional.Ingress;

/// <summary>Inputs of a region's ingress.</summary>
/// <param name="IdleTimeoutSeconds">Load balancer idle timeout; long-lived WebSockets need more than the default 60 s.</param>
/// <param name="AccessLogs">Where the load balancer writes access logs (an SSE-S3 bucket in this region); none when null.</param>
/// <param name="DeletionProtection">Refuse deleting the load balancer (prod: every region's entry point).</param>
public sealed record RegionalIngressProps(Vpc Vpc, DnsConfig Dns, int IdleTimeoutSeconds = 60,
    Amazon.CDK.AWS.S3.IBucket? AccessLogs = null, bool DeletionProtection = false);

/// <summary>
/// The region's internet-facing Application Load Balancer, created here (not by an in-cluster controller)
/// so the global layer can reference it: HTTPS with TLS 1.3 and 1.2 fallback, HTTP redirected to HTTPS.
/// Workloads add target groups to <see cref="Https"/>; pods register through TargetGroupBinding.
/// Its DNS name and canonical hosted zone id are the region's outputs for the global layer.
/// </summary>
public sealed class RegionalIngress : Construct
{
    public ApplicationLoadBalancer LoadBalancer { get; }
    public ApplicationListener Https { get; }
    public Certificate Certificate { get; }

    private readonly IVpc _vpc;

    public RegionalIngress(Construct scope, string id, RegionalIngressProps props) : base(scope, id)
    {
        _vpc = props.Vpc;
        var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
        {
            HostedZoneId = props.Dns.HostedZoneId,
            ZoneName = props.Dns.ZoneName,
        });

        // Covers the regional origin name (<region>.<zone>) and the routed API names (api., lat.api., geo.api.).
        Certificate = new Certificate(this, "Certificate", new CertificateProps
        {
            DomainName = $"*.{props.Dns.ZoneName}",
            SubjectAlternativeNames = [$"*.api.{props.Dns.ZoneName}"],
            Validation = CertificateValidation.FromDns(zone),
        });

        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = props.Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            IdleTimeout = Duration.Seconds(props.IdleTimeoutSeconds),
            DropInvalidHeaderFields = true,
            Http2Enabled = true,
            DeletionProtection = props.DeletionProtection,
        });
        // The CDK writes the bucket policy for the region's log delivery principal: the regional ELB account in
        // regions opened before August 2022, logdelivery.elasticloadbalancing.amazonaws.com in newer ones
        // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
        if (props.AccessLogs is { } logs)
            LoadBalancer.LogAccessLogs(logs, "alb");

        Https = LoadBalancer.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            // TLS 1.3 with a TLS 1.2 fallback; nothing older.
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Certificates = [ListenerCertificate.FromCertificateManager(Certificate)],
            DefaultAction = ListenerAction.FixedResponse(404, new FixedResponseOptions
            {
                ContentType = "text/plain",
                MessageBody = "no route",
            }),
        });

        LoadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig
        {
            SourcePort = 80,
            SourceProtocol = ApplicationProtocol.HTTP,
            TargetPort = 443,
            TargetProtocol = ApplicationProtocol.HTTPS,
        });
    }

    /// <summary>
    /// A target group for a workload's pods (IP targets, registered by the AWS Load Balancer Controller through a
    /// TargetGroupBinding) behind a listener rule on the HTTPS listener; health checked on the configured path.
    /// </summary>
    public ApplicationTargetGroup AddWorkload(string name, int port, WorkloadIngressConfig settings)
    {
        var id = string.Concat(name.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        var targetGroup = new ApplicationTargetGroup(this, $"{id}Targets", new ApplicationTargetGroupProps
        {
            Vpc = _vpc,
            Port = port,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
            DeregistrationDelay = Duration.Seconds(settings.DeregistrationDelaySeconds),
            StickinessCookieDuration = settings.StickinessSeconds is { } s ? Duration.Seconds(s) : null,
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
            {
                Path = settings.HealthCheckPath,
                Interval = Duration.Seconds(settings.HealthCheckIntervalSeconds),
                Timeout = Duration.Seconds(settings.HealthCheckTimeoutSeconds),
                HealthyHttpCodes = "200",
            },
        });
        Https.AddTargetGroups(id, new AddApplicationTargetGroupsProps
        {
            Priority = settings.Priority,
            Conditions = [ListenerCondition.PathPatterns(settings.PathPatterns.ToArray())],
            TargetGroups = [targetGroup],
        });
        return targetGroup;
    }
}
