using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Data.Cache;

/// <summary>Inputs of a Global Datastore's AUTH token rotation.</summary>
/// <param name="Secret">The AUTH token secret (JSON with a <c>token</c> key), in the primary region.</param>
/// <param name="Key">The KMS key that encrypts the secret.</param>
/// <param name="GlobalDatastoreId">The Global Datastore's id as AWS reports it (with its prefix).</param>
/// <param name="ReplicationGroupId">The members' replication group id (the same in every region).</param>
/// <param name="Days">Rotate every this many days (config <c>data.caches.*.authTokenRotationDays</c>).</param>
public sealed record AuthTokenRotationProps(CfnSecret Secret, IKey Key, string GlobalDatastoreId, string ReplicationGroupId, int Days);

/// <summary>
/// Rotates a Global Datastore's AUTH token with Secrets Manager. Secrets Manager has no managed (hosted) rotation
/// for ElastiCache AUTH tokens (its hosted types are databases only:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-secretsmanager-rotationschedule-hostedrotationlambda.html;
/// its ElastiCache flow rotates RBAC user passwords, which AUTH-token caches do not use:
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/User-Secrets-Manager.html), so a small Python Lambda
/// follows the rotation contract
/// (create, set, test, finish) with the ElastiCache flow:
/// <list type="number">
/// <item>createSecret: a new 64-character token as AWSPENDING;</item>
/// <item>setSecret: on the Global Datastore's current primary member (found through
/// DescribeGlobalReplicationGroups, so a promoted region works), <c>SET</c> the current token to retire the one
/// before it (clients had a whole interval to move), then <c>ROTATE</c> in the pending token: both it and the
/// current token are accepted, so clients holding AWSCURRENT keep working;</item>
/// <item>testSecret: the member is available with AUTH on (the function runs outside the VPC and does not
/// connect to Redis);</item>
/// <item>finishSecret: the pending version becomes AWSCURRENT, which Secrets Manager copies to the replica secrets
/// that clients in the other regions read.</item>
/// </list>
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html#auth-modifyng-token (ROTATE then SET),
/// https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html (the contract).
/// The role can only read and stage this secret, use its key, and describe or modify this cache's replication
/// groups and its Global Datastore.
/// </summary>
public sealed class AuthTokenRotation : Construct
{
    public Function Function { get; }
    public CfnRotationSchedule Schedule { get; }

    public AuthTokenRotation(Construct scope, string id, AuthTokenRotationProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        Function = new Function(this, "Function", new FunctionProps
        {
            Description = $"Rotates the AUTH token of Global Datastore member {props.ReplicationGroupId}",
            // python3.12: deprecated 2028-10-31, creates blocked from 2028-11-30 (newest this CDK version names;
            // https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html). boto3 is built in.
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
            Code = Code.FromInline(Source),
            // Two member modifications, each waited for, can take several minutes.
            Timeout = Duration.Minutes(15),
            MemorySize = 256,
            Environment = new Dictionary<string, string>
            {
                ["GLOBAL_DATASTORE_ID"] = props.GlobalDatastoreId,
                ["REPLICATION_GROUP_ID"] = props.ReplicationGroupId,
            },
        });

        Function.AddToRolePolicy(IamStatement.Allow(
            ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
            [props.Secret.Ref],
            sid: "StageThisSecret"));
        Function.AddToRolePolicy(IamStatement.Allow(
            // GetRandomPassword has no resource to scope to.
            ["secretsmanager:GetRandomPassword"],
            ["*"],
            sid: "GenerateToken"));
        Function.AddToRolePolicy(IamStatement.Allow(
            ["elasticache:DescribeGlobalReplicationGroups"],
            [$"arn:{stack.Partition}:elasticache::{stack.Account}:globalreplicationgroup:{props.GlobalDatastoreId}"],
            sid: "FindThePrimaryMember"));
        Function.AddToRolePolicy(IamStatement.Allow(
            // Any region: after a promotion the primary member is another region's group of the same id.
            ["elasticache:DescribeReplicationGroups", "elasticache:ModifyReplicationGroup"],
            [$"arn:{stack.Partition}:elasticache:*:{stack.Account}:replicationgroup:{props.ReplicationGroupId}"],
            sid: "RotateTheMembersToken"));
        props.Key.GrantEncryptDecrypt(Function);
        // Only Secrets Manager acting for this account may invoke it (no confused deputy).
        Function.AddPermission("SecretsManagerInvoke", new Permission
        {
            Principal = new ServicePrincipal("secretsmanager.amazonaws.com"),
            SourceAccount = stack.Account,
        });

        Schedule = new CfnRotationSchedule(this, "Schedule", new CfnRotationScheduleProps
        {
            SecretId = props.Secret.Ref,
            RotationLambdaArn = Function.FunctionArn,
            RotationRules = new CfnRotationSchedule.RotationRulesProperty { AutomaticallyAfterDays = props.Days },
            // Not during the deploy: the secondary stacks join the Global Datastore next and need it available.
            RotateImmediatelyOnUpdate = false,
        });
        // Secrets Manager checks it may invoke the function when the schedule is created. (The function itself,
        // and through its environment the Global Datastore, are already ordered before by the references.)
        Schedule.AddDependency((CfnResource)Function.Node.FindChild("SecretsManagerInvoke"));
    }

    /// <summary>The handler (Python 3.12, boto3 only), inline: under CloudFormation's 4 KB limit for ZipFile.</summary>
    internal const string Source = """
# Secrets Manager rotation of an ElastiCache Global Datastore's AUTH token (control plane only: no VPC, no
# Redis client). ROTATE adds the new token next to the old, SET drops every other token; see
# https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html#auth-modifyng-token
import json, os, time, boto3
sm = boto3.client('secretsmanager')
GDS, GROUP, KEY = os.environ['GLOBAL_DATASTORE_ID'], os.environ['REPLICATION_GROUP_ID'], 'token'

def handler(event, context):
    arn, ver, step = event['SecretId'], event['ClientRequestToken'], event['Step']
    meta = sm.describe_secret(SecretId=arn)
    stages = meta['VersionIdsToStages']
    if not meta.get('RotationEnabled') or ver not in stages:
        raise ValueError('rotation not enabled or unknown version')
    if 'AWSCURRENT' in stages[ver]:
        return
    if 'AWSPENDING' not in stages[ver]:
        raise ValueError('version is not pending')
    {'createSecret': create, 'setSecret': set_, 'testSecret': test, 'finishSecret': finish}[step](arn, ver, stages, context)

def read(arn, stage, ver=None):
    args = {'SecretId': arn, 'VersionStage': stage}
    if ver:
        args['VersionId'] = ver
    return json.loads(sm.get_secret_value(**args)['SecretString'])

def create(arn, ver, stages, context):
    try:
        read(arn, 'AWSPENDING', ver)
        return
    except sm.exceptions.ResourceNotFoundException:
        pass
    new = read(arn, 'AWSCURRENT')
    # Letters and digits only: AUTH tokens allow few punctuation characters.
    new[KEY] = sm.get_random_password(PasswordLength=64, ExcludePunctuation=True)['RandomPassword']
    sm.put_secret_value(SecretId=arn, ClientRequestToken=ver, SecretString=json.dumps(new), VersionStages=['AWSPENDING'])

def primary():
    # The primary member may have moved region after a promotion; writes (and AUTH changes) go there.
    g = boto3.client('elasticache').describe_global_replication_groups(GlobalReplicationGroupId=GDS, ShowMemberInfo=True)
    m = next(m for m in g['GlobalReplicationGroups'][0]['Members'] if m['Role'].upper() == 'PRIMARY')
    if m['ReplicationGroupId'] != GROUP:
        raise ValueError('unexpected primary ' + m['ReplicationGroupId'])
    return boto3.client('elasticache', region_name=m['ReplicationGroupRegion'])

def wait(ec, context):
    time.sleep(20)
    while context.get_remaining_time_in_millis() > 60000:
        if ec.describe_replication_groups(ReplicationGroupId=GROUP)['ReplicationGroups'][0]['Status'] == 'available':
            return
        time.sleep(20)
    raise RuntimeError(GROUP + ' not available yet; Secrets Manager retries the rotation')

def modify(ec, token, strategy, context):
    wait(ec, context)
    ec.modify_replication_group(ReplicationGroupId=GROUP, ApplyImmediately=True, AuthToken=token, AuthTokenUpdateStrategy=strategy)
    wait(ec, context)

def set_(arn, ver, stages, context):
    ec = primary()
    # After an earlier rotation two tokens are accepted: retire the older one. Clients had a whole rotation
    # interval to move to AWSCURRENT. (SET is only allowed after a ROTATE, hence the AWSPREVIOUS check.)
    if any('AWSPREVIOUS' in s for s in stages.values()):
        modify(ec, read(arn, 'AWSCURRENT')[KEY], 'SET', context)
    modify(ec, read(arn, 'AWSPENDING', ver)[KEY], 'ROTATE', context)

def test(arn, ver, stages, context):
    g = primary().describe_replication_groups(ReplicationGroupId=GROUP)['ReplicationGroups'][0]
    if g['Status'] != 'available' or not g.get('AuthTokenEnabled'):
        raise RuntimeError(GROUP + ' is not available with AUTH')

def finish(arn, ver, stages, context):
    current = next(v for v, s in stages.items() if 'AWSCURRENT' in s)
    sm.update_secret_version_stage(SecretId=arn, VersionStage='AWSCURRENT', MoveToVersionId=ver, RemoveFromVersionId=current)
""";
}
