using Amazon.CDK.AWS.Budgets;
using Constructs;

namespace MultiRegion.Infra.Global.Cost;

/// <param name="Name">Budget name, unique in the account (<c>app-environment</c>, or with the region appended).</param>
/// <param name="AmountUsd">The monthly cost budget (<c>objectives.monthlyBudgetUsd</c> or a region's share).</param>
/// <param name="Emails">Subscribers of both notifications (<c>cost.alertEmails</c>; at most 10, a load rule).</param>
/// <param name="Region">Only this region's costs (<c>objectives.regionMonthlyBudgetUsd</c>); null for the whole account.</param>
public sealed record MonthlyBudgetProps(string Name, decimal AmountUsd, IReadOnlyList<string> Emails, string? Region = null);

/// <summary>
/// An AWS cost budget a month with the seed's alerts: an email when actual spend passes 80% ("Budget alerts at 80%
/// threshold", video chat seed) and when the forecast passes 100%. AWS Budgets is a global service; the budget
/// covers the whole account, so each environment has its own account (as the shipped configs do) or the figure
/// includes its neighbours. Notifications: https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Notification.html
/// </summary>
public sealed class MonthlyBudget : Construct
{
    public CfnBudget Budget { get; }

    public MonthlyBudget(Construct scope, string id, MonthlyBudgetProps props) : base(scope, id)
    {
        var subscribers = props.Emails.Select(e => (object)new CfnBudget.SubscriberProperty { SubscriptionType = "EMAIL", Address = e }).ToArray();
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
            NotificationsWithSubscribers = subscribers.Length == 0 ? null : new[] { Notify("ACTUAL", 80), Notify("FORECASTED", 100) },
        });
    }
}
