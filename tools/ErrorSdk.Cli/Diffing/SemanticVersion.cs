using System;
using System.Globalization;
using ErrorSdk.Generator.Conventions;

namespace ErrorSdk.Cli.Diffing
{
    /// <summary>How far a version moved: what kinds of change it allows.</summary>
    internal enum VersionBump
    {
        /// <summary>The new version is not higher (same or lower): it allows no change at all.</summary>
        None = 0,

        /// <summary>Patch: editorial changes only.</summary>
        Patch = 1,

        /// <summary>Minor: additions.</summary>
        Minor = 2,

        /// <summary>Major: anything, breaking changes included.</summary>
        Major = 3,
    }

    /// <summary>A semver 2.0.0 version: MAJOR.MINOR.PATCH[-prerelease][+build].</summary>
    internal sealed record SemanticVersion(int Major, int Minor, int Patch, string Prerelease)
    {
        /// <summary>Parses a version by the validator's own rule; null when it is not semver (the validator already rejects such files).</summary>
        public static SemanticVersion? Parse(string text)
        {
            var match = SemanticVersionRule.Pattern.Match(text ?? string.Empty);
            if (!match.Success || text!.Length > SemanticVersionRule.MaxLength ||
                !int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int major) ||
                !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int minor) ||
                !int.TryParse(match.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int patch))
            {
                return null;
            }

            return new SemanticVersion(major, minor, patch, match.Groups["prerelease"].Value);
        }

        /// <summary>
        /// The bump from <paramref name="old"/> to <paramref name="next"/>, by the first core number that grew. Below
        /// 1.0.0 a minor bump counts as major (the Cargo and npm caret convention: 0.y is the unstable line).
        /// A release or prerelease that is not above the old version allows nothing.
        /// </summary>
        public static VersionBump BumpBetween(SemanticVersion old, SemanticVersion next)
        {
            if (Compare(next, old) <= 0)
            {
                return VersionBump.None;
            }

            if (next.Major != old.Major)
            {
                return next.Major > old.Major ? VersionBump.Major : VersionBump.None;
            }

            if (next.Minor != old.Minor)
            {
                return next.Minor < old.Minor ? VersionBump.None : old.Major == 0 ? VersionBump.Major : VersionBump.Minor;
            }

            if (next.Patch != old.Patch)
            {
                return next.Patch < old.Patch ? VersionBump.None : old.Major == 0 ? VersionBump.Minor : VersionBump.Patch;
            }

            // Same core, higher precedence: 2.0.0-rc.1 → 2.0.0 (or -rc.1 → -rc.2) finishes the same release line.
            return VersionBump.Patch;
        }

        /// <summary>Semver precedence: core numbers, then a release above its prereleases, then prerelease identifiers.</summary>
        public static int Compare(SemanticVersion a, SemanticVersion b)
        {
            int core = a.Major != b.Major ? a.Major.CompareTo(b.Major)
                : a.Minor != b.Minor ? a.Minor.CompareTo(b.Minor)
                : a.Patch.CompareTo(b.Patch);
            if (core != 0)
            {
                return core;
            }

            if (a.Prerelease.Length == 0 || b.Prerelease.Length == 0)
            {
                return (a.Prerelease.Length == 0 ? 1 : 0) - (b.Prerelease.Length == 0 ? 1 : 0);
            }

            var left = a.Prerelease.Split('.');
            var right = b.Prerelease.Split('.');
            for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
            {
                bool leftNumeric = long.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out long l);
                bool rightNumeric = long.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out long r);
                int order = leftNumeric && rightNumeric ? l.CompareTo(r)
                    : leftNumeric ? -1
                    : rightNumeric ? 1
                    : string.CompareOrdinal(left[i], right[i]);
                if (order != 0)
                {
                    return Math.Sign(order);
                }
            }

            return left.Length.CompareTo(right.Length);
        }

        /// <inheritdoc />
        public override string ToString() =>
            Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture) + "." +
            Patch.ToString(CultureInfo.InvariantCulture) + (Prerelease.Length > 0 ? "-" + Prerelease : string.Empty);
    }
}
