using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using MultiRegion.Infra.Model.Planning.Alerting;

namespace MultiRegion.Infra.Alerting;

/// <summary>
/// A CloudWatch dashboard for one stack (a region, or the global edge): a graph per alarm the stack holds, with the
/// alarm's threshold drawn on it, so what pages someone and what they look at first are the same metrics. Built from
/// the stack's alarms, never a separate list that could drift from them.
/// </summary>
public sealed class RegionDashboard : Construct
{
    public Dashboard Dashboard { get; }

    public RegionDashboard(Construct scope, string id, string name, IReadOnlyList<(PlannedAlarm Plan, Alarm Alarm)> alarms) : base(scope, id)
    {
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = name,
            DefaultInterval = Duration.Hours(3),
        });
        var widgets = alarms.Select(a => (IWidget)new AlarmWidget(new AlarmWidgetProps
        {
            Alarm = a.Alarm,
            Title = $"{a.Plan.Kind} {a.Plan.Subject} ({a.Plan.Severity})",
            Width = 8,
            Height = 6,
        })).ToList();
        if (widgets.Count > 0)
            Dashboard.AddWidgets(widgets.ToArray());
        else
            Dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = "No alarms in this stack.", Width = 24, Height = 2 }));
    }
}
