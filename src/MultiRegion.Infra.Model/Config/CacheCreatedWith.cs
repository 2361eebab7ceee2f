namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// What an existing Global Datastore's primary member was created with, kept in the config once a setting changes
/// (<c>data.caches.&lt;name&gt;.createdWith</c>). The member replication group keeps these values in the template
/// for ever, because ElastiCache refuses ModifyReplicationGroup of node type, version or parameter group on a
/// Global Datastore member; the new values go on the Global Datastore resource instead, where CloudFormation
/// applies them with ModifyGlobalReplicationGroup to every member. Leave it out for a new environment (the
/// member is then created with the current values). See README "Changing a Global Datastore".
/// </summary>
/// <param name="NodeType">The node type the members were created with (e.g. <c>cache.r6g.2xlarge</c>).</param>
/// <param name="EngineVersion">The engine version the primary member was created with.</param>
/// <param name="EvictionPolicy">The <c>maxmemory-policy</c> of the parameter group the member was created with.</param>
/// <param name="Parameters">The extra parameters of that parameter group.</param>
public sealed record CacheCreatedWith(
    string? NodeType = null,
    string? EngineVersion = null,
    string? EvictionPolicy = null,
    IReadOnlyDictionary<string, string>? Parameters = null);
