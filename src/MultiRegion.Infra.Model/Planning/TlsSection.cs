using System.Text;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>One network hop and the TLS the templates enforce on it.</summary>
/// <param name="Enforced">The setting in the templates (asserted by <c>TlsPerHopTests</c>).</param>
/// <param name="Why">Why the floor is where it is (the seeds ask for TLS 1.3 everywhere).</param>
public sealed record TlsHop(string Hop, string Enforced, string Minimum, string Why);

/// <summary>
/// plan.md's "TLS per hop" table, the same rows as README's: what each hop enforces and why TLS 1.2 remains
/// where it does. Only hops the config builds are listed.
/// </summary>
public static class TlsSection
{
    public static IReadOnlyList<TlsHop> Hops(StackConfig c)
    {
        var hops = new List<TlsHop>();
        if (c.Edge?.Cdn is not null)
        {
            hops.Add(new("viewer -> CloudFront", "security policy TLSv1.2_2021, SNI, HTTP redirected to HTTPS", "1.2 (1.3 offered)",
                "TLSv1.3_2025 (1.3 only) exists but this CDK version cannot name it, and it would refuse viewers without TLS 1.3"));
            hops.Add(new("CloudFront -> ALB", "origin protocol https-only, OriginSSLProtocols TLSv1.2", "1.2",
                "TLSv1.2 is the highest value CloudFront's origin setting accepts; 1.3 cannot be required"));
        }
        hops.Add(new("client -> ALB", "listener policy ELBSecurityPolicy-TLS13-1-2-2021-06, port 80 redirects", "1.2 (1.3 preferred)",
            c.Edge?.Cdn is not null
                ? "CloudFront connects to origins with TLS 1.2 at most, so a 1.3-only policy would cut CloudFront off"
                : "keeps clients without TLS 1.3 working; switch to ELBSecurityPolicy-TLS13-1-3-2021-06 to require 1.3"));
        if (c.Compute is not null)
            hops.Add(new("ALB -> pod", "HTTP inside the VPC (target groups on the pod port), security groups", "none",
                "not encrypted: TLS would need certificates in every pod or a service mesh; traffic stays in private subnets"));
        if (c.Data?.Database is not null)
            hops.Add(new("pod -> Aurora", "rds.force_ssl=1, ssl_min_protocol_version=TLSv1.2", "1.2",
                "PostgreSQL negotiates 1.3 when both sides offer it; ssl_min_protocol_version=TLSv1.3 would refuse older drivers and is not verified on Aurora"));
        if (c.Data is { } data && data.EffectiveCaches.Count > 0)
            hops.Add(new("pod -> ElastiCache", "TransitEncryptionEnabled, AUTH token", "1.2",
                "ElastiCache has no setting for the minimum; it refuses TLS below 1.2 since 2025-05-08"));
        return hops;
    }

    public static void Render(StackConfig c, StringBuilder md)
    {
        md.AppendLine("## TLS per hop");
        md.AppendLine();
        MarkdownTable.Write(md, ["Hop", "Enforced in the templates", "Minimum", "Why not TLS 1.3 only"],
            Hops(c).Select(h => new[] { h.Hop, h.Enforced, h.Minimum, h.Why }));
    }
}
