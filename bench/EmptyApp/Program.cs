using Amazon.CDK;

// Starts the jsii runtime, loads aws-cdk-lib and synthesizes nothing: the fixed cost every CDK app pays.
var outdir = args.Length > 0 ? args[0] : "cdk.out";
new App(new AppProps { Outdir = outdir, AnalyticsReporting = false }).Synth();
