using ErrorSdk.Cli.Diffing;
using Xunit;

namespace ErrorSdk.Cli.Tests.Commands
{
    public sealed class SemanticVersionTests
    {
        [Theory]
        [InlineData("1.0.0", "2.0.0", "Major")]
        [InlineData("1.4.2", "1.5.0", "Minor")]
        [InlineData("1.4.2", "1.4.3", "Patch")]
        [InlineData("1.4.2", "1.4.2", "None")]
        [InlineData("1.4.2", "1.3.9", "None")]
        [InlineData("2.0.0", "1.9.0", "None")]
        [InlineData("1.9.0", "2.0.0-rc.1", "Major")]
        [InlineData("2.0.0-rc.1", "2.0.0", "Patch")]
        [InlineData("2.0.0-rc.2", "2.0.0-rc.10", "Patch")]
        [InlineData("2.0.0", "2.0.0-rc.1", "None")]
        [InlineData("1.0.0+build.1", "1.0.0+build.2", "None")]
        [InlineData("0.3.0", "0.4.0", "Major")]
        [InlineData("0.3.0", "0.3.1", "Minor")]
        public void Bump_between_versions(string old, string next, string expected)
        {
            Assert.Equal(expected, SemanticVersion.BumpBetween(SemanticVersion.Parse(old)!, SemanticVersion.Parse(next)!).ToString());
        }

        [Theory]
        [InlineData("1.0")]
        [InlineData("01.0.0")]
        [InlineData("v1.0.0")]
        public void Non_semver_does_not_parse(string text)
        {
            Assert.Null(SemanticVersion.Parse(text));
        }
    }
}
