// One jsii runtime (a Node.js process) serves every CDK call in this process, serially; running test
// classes in parallel would only contend for it. Synthesized stacks are shared through SynthesizedPlatform.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
