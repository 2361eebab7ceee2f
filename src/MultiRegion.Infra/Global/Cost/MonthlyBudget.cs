using Amazon.CDK.AWS.Budgets;
using Constructs;

namespace MultiRegion.Infra.Global.Cost;

/// <param name="Name">Budget name, unique in the account (<c>app-environment</c>, or with the region appended).</param>
/// <param name="AmountUsd">The monthly cost budget (<c>objectives.monthlyBudgetUsd</c> or a region's share).</param>
/// <param name="TopicArn">The severity topic both notifications publish to (<c>alerting.alarms.budget</c>); null: no notification.</param>
/// <param name="ActualPercent">Notify when actual spend passes this percent of the budget (<c>alerting.alarms.budget.threshold</c>).</param>
/// <param name="Region">Only this region's costs (<c>objectives.regionMonthlyBudgetUsd</c>); null for the whole account.</param>
public sealed record MonthlyBudgetProps(string Name, decimal AmountUsd, string? TopicArn, double ActualPercent, string? Region = null);

/// <summary>
/// An AWS cost budget a month with the seed's alerts: a notification when actual spend passes the configured percent
/// (the video chat seed's "Budget alerts at 80% threshold") and when the forecast passes 100%, both to the severity
/// topic of <c>alerting.alarms.budget</c>, which routes it like any alert. A notification takes one SNS subscriber
/// (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Notification.html); the topic must
/// let budgets.amazonaws.com publish (<c>Alerting/SeverityTopics</c>). AWS Budgets is a global service; the budget
/// covers the whole account, so each environment has its own account (as the shipped configs do) or the figure
/// includes its neighbours.
/// </summary>
public sealed class MonthlyBudget : Construct
{
    public CfnBudget Budget { get; }

    public MonthlyBudget(Construct scope, string id, MonthlyBudgetProps props) : base(scope, id)
    {
        object[] subscribers = props.TopicArn is { } arn ? [new CfnBudget.SubscriberProperty { SubscriptionType = "SNS", Address = arn }] : [];
        object Notify(string type, double percent) => new CfnBudget.NotificationWithSubscribersProperty
        {
            Notification = new CfnBudget.NotificationProperty
            {
                NotificationType = type,
                ComparisonOperator = "GREATER_THAN",
                Threshold = percent,
                ThresholdType = "PERCENTAGE",
            },
            Subscribers = subscribers,
        };
        Budget = new CfnBudget(this, "Budget", new CfnBudgetProps
        {
            Budget = new CfnBudget.BudgetDataProperty
            {
                BudgetName = props.Name,
                BudgetType = "COST",
                TimeUnit = "MONTHLY",
                BudgetLimit = new CfnBudget.SpendProperty { Amount = (double)props.AmountUsd, Unit = "USD" },
                // CostFilters' Region key (https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create-filters.html).
                // The Budgets API now prefers FilterExpression; Amazon.CDK.Lib 2.160 does not model it, CostFilters still works.
                CostFilters = props.Region is { } region ? new Dictionary<string, object> { ["Region"] = new[] { region } } : null,
            },
            NotificationsWithSubscribers = subscribers.Length == 0 ? null : new[] { Notify("ACTUAL", props.ActualPercent), Notify("FORECASTED", 100) },
        });
    }
}
