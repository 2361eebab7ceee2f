using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Tests.Composition;

/// <summary>
/// The type-cache fill reaches into Amazon.JSII.Runtime's internals; an upgrade that renames them turns it into a
/// silent no-op (synthesis only slower). This test is where that upgrade finds out.
/// </summary>
public sealed class JsiiTypeCacheFillTests
{
    [Fact]
    public void Reaches_the_jsii_runtime_type_cache()
    {
        Assert.True(JsiiTypeCacheFill.Fill(),
            "Amazon.JSII.Runtime's ServiceContainer.ServiceProvider or ITypeCache.TryGetClassType moved: update JsiiTypeCacheFill or remove it");
    }
}
