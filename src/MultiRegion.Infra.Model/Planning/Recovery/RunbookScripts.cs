namespace MultiRegion.Infra.Model.Planning.Recovery;

/// <summary>
/// The Python handlers of the runbooks' <c>aws:executeScript</c> steps. <c>aws:executeAwsApi</c> only calls the
/// region the automation runs in; a script with boto3 reaches the other regions. Every handler reads the current
/// state first and changes only what differs, so running a runbook twice is harmless.
/// Step runtime is capped by SSM (600 s for aws:executeScript:
/// https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-executeScript.html), so waits stop at 540 s.
/// </summary>
public static class RunbookScripts
{
    public const string Runtime = "python3.11", Handler = "handler";

    /// <summary>
    /// Moves the Aurora global writer to the target cluster: <c>FailoverGlobalCluster</c> with <c>AllowDataLoss</c>
    /// (unplanned failover) or <c>Switchover</c> (planned, needs the old writer)
    /// (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_FailoverGlobalCluster.html).
    /// Skips when the target already writes, or (failover) when the writer is not in the failed region.
    /// </summary>
    public const string PromoteDatabase = """
        import time
        import boto3

        def handler(events, context):
            region = events['TargetRegion']
            rds = boto3.client('rds', region_name=region)
            gid, target = events['GlobalClusterId'], events['TargetClusterArn'].replace('{region}', region)

            def state():
                g = rds.describe_global_clusters(GlobalClusterIdentifier=gid)['GlobalClusters'][0]
                writer = next((m['DBClusterArn'] for m in g['GlobalClusterMembers'] if m['IsWriter']), None)
                return g['Status'], writer

            status, writer = state()
            if writer == target:
                return {'changed': False, 'writer': writer}
            only = events.get('OnlyIfWriterIn') or ''
            if only and writer and (':' + only + ':') not in writer:
                return {'changed': False, 'writer': writer, 'reason': 'the writer is not in ' + only}
            args = {'GlobalClusterIdentifier': gid, 'TargetDbClusterIdentifier': target}
            if events['AllowDataLoss']:
                args['AllowDataLoss'] = True
            else:
                args['Switchover'] = True
            rds.failover_global_cluster(**args)
            for _ in range(36):
                time.sleep(15)
                status, writer = state()
                if writer == target and status == 'available':
                    return {'changed': True, 'writer': writer}
            raise Exception('global cluster %s: %s is not the writer after 540 s (status %s)' % (gid, target, status))
        """;

    /// <summary>
    /// Moves a Global Datastore's primary to the target region with <c>FailoverGlobalReplicationGroup</c>
    /// (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_FailoverGlobalReplicationGroup.html).
    /// The id is found by its configured suffix (AWS prefixes it). Skips when the target is already primary,
    /// or (failover) when the primary is not in the failed region.
    /// </summary>
    public const string PromoteCache = """
        import time
        import boto3

        def handler(events, context):
            ec = boto3.client('elasticache', region_name=events['TargetRegion'])
            suffix, target = events['GlobalDatastoreSuffix'], events['TargetRegion']

            def find():
                marker = None
                while True:
                    args = {'ShowMemberInfo': True}
                    if marker:
                        args['Marker'] = marker
                    page = ec.describe_global_replication_groups(**args)
                    for g in page['GlobalReplicationGroups']:
                        if g['GlobalReplicationGroupId'].endswith('-' + suffix):
                            primary = next((m for m in g['Members'] if m['Role'] == 'PRIMARY'), None)
                            return g, primary
                    marker = page.get('Marker')
                    if not marker:
                        raise Exception('no Global Datastore ends with ' + suffix)

            g, primary = find()
            if primary and primary['ReplicationGroupRegion'] == target:
                return {'changed': False, 'primary': target}
            only = events.get('OnlyIfPrimaryIn') or ''
            if only and primary and primary['ReplicationGroupRegion'] != only:
                return {'changed': False, 'primary': primary['ReplicationGroupRegion'], 'reason': 'the primary is not in ' + only}
            ec.failover_global_replication_group(
                GlobalReplicationGroupId=g['GlobalReplicationGroupId'],
                PrimaryRegion=target,
                PrimaryReplicationGroupId=events['TargetReplicationGroupId'])
            for _ in range(36):
                time.sleep(15)
                g, primary = find()
                if primary and primary['ReplicationGroupRegion'] == target and g['Status'] in ('available', 'primary-only'):
                    return {'changed': True, 'primary': target}
            raise Exception('%s: %s is not primary after 540 s' % (g['GlobalReplicationGroupId'], target))
        """;

    /// <summary>Writes each writer parameter where it differs (the application reads its writer from it).</summary>
    public const string PutParameters = """
        import boto3

        def handler(events, context):
            changed = []
            failed = []
            for p in events['Parameters']:
                value = p['Value'].replace('{region}', events['TargetRegion'])
                try:
                    ssm = boto3.client('ssm', region_name=p['Region'])
                    try:
                        current = ssm.get_parameter(Name=p['Name'])['Parameter']['Value']
                    except ssm.exceptions.ParameterNotFound:
                        current = None
                    if current != value:
                        ssm.put_parameter(Name=p['Name'], Value=value, Type='String', Overwrite=True)
                        changed.append(p['Region'] + ':' + p['Name'])
                except Exception as e:  # a region that is down too: the others still get their value
                    failed.append('%s:%s: %s' % (p['Region'], p['Name'], e))
            return {'changed': changed, 'failed': failed}
        """;

    /// <summary>
    /// Sets node-group floors with <c>UpdateNodegroupConfig</c>: groups are found by their <c>node-tier</c> and
    /// <c>capacity-type</c> labels (CloudFormation names them). Desired never drops below what the autoscaler chose
    /// (fail-back lowers the floor; the autoscaler then scales down).
    /// </summary>
    public const string SetNodeGroupFloors = """
        import boto3

        def handler(events, context):
            changed = []
            failed = []
            for c in events['Clusters']:
                try:
                    changed.extend(floors(c))
                except Exception as e:  # a region that is down too: scale the others
                    failed.append('%s: %s' % (c['Region'], e))
            return {'changed': changed, 'failed': failed}

        def floors(c):
                changed = []
                eks = boto3.client('eks', region_name=c['Region'])
                wanted = {(g['Tier'], g['Capacity']): g for g in c['Groups']}
                for name in eks.list_nodegroups(clusterName=c['Cluster'], maxResults=100)['nodegroups']:
                    ng = eks.describe_nodegroup(clusterName=c['Cluster'], nodegroupName=name)['nodegroup']
                    labels = ng.get('labels') or {}
                    g = wanted.get((labels.get('node-tier'), labels.get('capacity-type')))
                    if g is None:
                        continue
                    s = ng['scalingConfig']
                    desired = min(s['maxSize'], max(g['Min'], g['Desired'], s['desiredSize']))
                    if s['minSize'] == g['Min'] and s['desiredSize'] == desired:
                        continue
                    eks.update_nodegroup_config(clusterName=c['Cluster'], nodegroupName=name,
                        scalingConfig={'minSize': g['Min'], 'desiredSize': desired, 'maxSize': s['maxSize']})
                    changed.append('%s/%s: min %d desired %d' % (c['Region'], name, g['Min'], desired))
                return changed
        """;
}
