using System.Globalization;
using System.Text.Json;
using Amazon.CDK.AWS.CE;
using Constructs;

namespace MultiRegion.Infra.Global.Cost;

/// <param name="Name">Monitor and subscription name (<c>app-environment</c>).</param>
/// <param name="TopicArn">The severity topic of <c>alerting.alarms.costAnomalies</c> (the seed's P3).</param>
/// <param name="ThresholdUsd">Alert on an anomaly once its total impact reaches this many dollars.</param>
public sealed record CostAnomalyAlertsProps(string Name, string TopicArn, decimal ThresholdUsd);

/// <summary>
/// Cost Anomaly Detection for the seed's P3 "cost anomalies": a monitor of spend per AWS service in the account and a
/// subscription sending each anomaly whose total impact passes the threshold to the configured severity topic, which
/// routes it like any alert. DIMENSIONAL is an AWS-managed monitor that tracks each value of the dimension (here each
/// service) on its own: https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_AnomalyMonitor.html.
/// An SNS subscriber needs frequency IMMEDIATE (DAILY and WEEKLY are for email digests):
/// https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_AnomalySubscription.html. The topic must let
/// costalerts.amazonaws.com publish (<c>Alerting/SeverityTopics</c>).
/// </summary>
public sealed class CostAnomalyAlerts : Construct
{
    public CfnAnomalyMonitor Monitor { get; }

    public CostAnomalyAlerts(Construct scope, string id, CostAnomalyAlertsProps props) : base(scope, id)
    {
        Monitor = new CfnAnomalyMonitor(this, "Monitor", new CfnAnomalyMonitorProps
        {
            MonitorName = $"{props.Name}-services",
            MonitorType = "DIMENSIONAL",
            MonitorDimension = "SERVICE",
        });
        // ThresholdExpression replaces the deprecated Threshold (same API page).
        var threshold = JsonSerializer.Serialize(new
        {
            Dimensions = new
            {
                Key = "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
                MatchOptions = new[] { "GREATER_THAN_OR_EQUAL" },
                Values = new[] { props.ThresholdUsd.ToString(CultureInfo.InvariantCulture) },
            },
        });
        new CfnAnomalySubscription(this, "Subscription", new CfnAnomalySubscriptionProps
        {
            SubscriptionName = $"{props.Name}-p3-cost-anomalies",
            Frequency = "IMMEDIATE",
            MonitorArnList = new[] { Monitor.AttrMonitorArn },
            Subscribers = new object[] { new CfnAnomalySubscription.SubscriberProperty { Type = "SNS", Address = props.TopicArn } },
            ThresholdExpression = threshold,
        });
    }
}
