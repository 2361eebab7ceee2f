using System.Diagnostics;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;

// Per-call costs of the jsii bridge (bench/README: where synthesis time goes). Each line times 200 calls of one kind
// after one warm-up round, and prints the mean. Nothing is synthesized.
var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "jsii-micro"), AnalyticsReporting = false });
var env = new Amazon.CDK.Environment { Account = "111111111111", Region = "us-east-1" };
const int n = 200;
var stackCount = 0;
Stack NewStack() => new(app, $"S{stackCount++}", new StackProps { Env = env });

void Time(string what, Action<Stack, int> act)
{
    var warm = NewStack();
    for (var i = 0; i < 20; i++) act(warm, i);
    var stack = NewStack();
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < n; i++) act(stack, i);
    Console.WriteLine($"{what,-52} {sw.Elapsed.TotalMilliseconds / n,6:F2} ms");
}

Time("property get (stack.Region)", (s, _) => GC.KeepAlive(s.Region));
Time("static call (Token.IsUnresolved)", (_, _) => Token.IsUnresolved("x"));
Time("new Construct (a grouping construct)", (s, i) => new Constructs.Construct(s, $"C{i}"));
Time("new PolicyStatement(props)", (_, i) => new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [$"arn:aws:s3:::b{i}/*"] }));
Time("PolicyStatement.FromJson (IamStatement)", (_, i) => PolicyStatement.FromJson(new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = new[] { "s3:GetObject" }, ["Resource"] = new[] { $"arn:aws:s3:::b{i}/*" } }));
Time("new ServicePrincipal", (_, _) => GC.KeepAlive(new ServicePrincipal("sns.amazonaws.com")));
Time("new CfnTopic(props) (L1)", (s, i) => new CfnTopic(s, $"T{i}", new CfnTopicProps { TopicName = $"t{i}" }));
Time("new Topic(props) (L2)", (s, i) => new Topic(s, $"T{i}", new TopicProps { TopicName = $"t{i}" }));
Time("new CfnResource(type, properties)", (s, i) => new CfnResource(s, $"R{i}", new CfnResourceProps { Type = "AWS::SNS::Topic", Properties = new Dictionary<string, object> { ["TopicName"] = $"r{i}" } }));
