using System.Text.RegularExpressions;

namespace ErrorSdk.Generator.Conventions
{
    /// <summary>
    /// What a taxonomy <c>version</c> must be: semver 2.0.0, by semver.org's recommended pattern with <c>[0-9]</c> for
    /// <c>\d</c> (so Unicode digits never pass; the pattern is linear). The validator checks it; the CLI's diff reads
    /// the parts through the named groups <c>major</c>, <c>minor</c>, <c>patch</c> and <c>prerelease</c>.
    /// </summary>
    internal static class SemanticVersionRule
    {
        /// <summary>The longest version accepted.</summary>
        public const int MaxLength = 256;

        /// <summary>The pattern, anchored, with named groups.</summary>
        public static readonly Regex Pattern = new Regex(
            "^(?<major>0|[1-9][0-9]*)\\.(?<minor>0|[1-9][0-9]*)\\.(?<patch>0|[1-9][0-9]*)"
            + "(?:-(?<prerelease>(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+(?<build>[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",
            RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="version"/> is a semver 2.0.0 version of at most <see cref="MaxLength"/> characters.</summary>
        public static bool IsValid(string version) => version.Length <= MaxLength && Pattern.IsMatch(version);
    }
}
