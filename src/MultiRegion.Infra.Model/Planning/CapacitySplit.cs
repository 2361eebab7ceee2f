using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>Spot or on-demand EC2 capacity.</summary>
public enum CapacityKind
{
    OnDemand,
    Spot,
}

/// <summary>Min / desired / max node counts of one node group.</summary>
public readonly record struct NodeBounds(int Min, int Desired, int Max)
{
    public static NodeBounds operator +(NodeBounds a, NodeBounds b) => new(a.Min + b.Min, a.Desired + b.Desired, a.Max + b.Max);

    public override string ToString() => $"{Min}/{Desired}/{Max}";
}

/// <summary>A node tier's bounds split into a spot and an on-demand part.</summary>
public readonly record struct SplitBounds(NodeBounds Spot, NodeBounds OnDemand)
{
    public NodeBounds Total => Spot + OnDemand;

    public NodeBounds Of(CapacityKind kind) => kind == CapacityKind.Spot ? Spot : OnDemand;
}

/// <summary>
/// Splits a node tier's min / desired / max into a spot and an on-demand node group by the tier's spot percentage.
/// <para>
/// Rounding rule: for each of min, desired and max independently, spot gets
/// <c>floor(total × spotPercent / 100)</c> and on-demand the rest. So the two groups always sum exactly to the
/// tier's bounds, rounding always favours on-demand (the capacity that is not reclaimed), and because both shares
/// grow monotonically with the total, each group keeps <c>min ≤ desired ≤ max</c>.
/// A share whose max is 0 gets no node group at all.
/// </para>
/// </summary>
public static class CapacitySplit
{
    public static SplitBounds Of(NodeBounds total, int spotPercent)
    {
        if (spotPercent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(spotPercent), spotPercent, "must be 0-100");
        if (total.Min < 0 || total.Min > total.Desired || total.Desired > total.Max)
            throw new ArgumentOutOfRangeException(nameof(total), total, "needs 0 <= min <= desired <= max");

        var spot = new NodeBounds(SpotShare(total.Min, spotPercent), SpotShare(total.Desired, spotPercent), SpotShare(total.Max, spotPercent));
        var onDemand = new NodeBounds(total.Min - spot.Min, total.Desired - spot.Desired, total.Max - spot.Max);
        return new SplitBounds(spot, onDemand);
    }

    public static SplitBounds Of(NodeGroupSizing tier, int spotPercent) =>
        Of(new NodeBounds(tier.MinSize, tier.DesiredSize, tier.MaxSize), spotPercent);

    private static int SpotShare(int total, int spotPercent) => (int)((long)total * spotPercent / 100); // long: no overflow for any int total
}
