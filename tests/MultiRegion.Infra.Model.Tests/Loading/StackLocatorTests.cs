using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Loading;

public sealed class StackLocatorTests
{
    [Fact]
    public void A_name_resolves_to_a_file_in_stacks_from_any_folder_below_the_repo()
    {
        var path = StackLocator.Resolve("prod", AppContext.BaseDirectory);
        Assert.EndsWith(Path.Combine("stacks", "prod.yaml"), path);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones_and_suggests()
    {
        var e = Assert.Throws<ConfigException>(() => StackLocator.Resolve("prdo", AppContext.BaseDirectory));
        var message = Assert.Single(e.Problems).Message;
        Assert.Contains("no stack config named 'prdo'", message);
        Assert.Contains("did you mean 'prod'", message);
    }

    [Fact]
    public void A_missing_path_is_rejected()
    {
        var e = Assert.Throws<ConfigException>(() => StackLocator.Resolve("nowhere/missing.yaml", AppContext.BaseDirectory));
        Assert.Contains("no such stack config file", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public void Did_you_mean_ignores_unrelated_names()
    {
        Assert.Null(DidYouMean.Suggest("zzzzzz", ["prod", "videochat"]));
        Assert.Equal("videochat", DidYouMean.Suggest("videochta", ["prod", "videochat"]));
    }
}
