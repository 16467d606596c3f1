using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Cli.Diffing;
using ErrorSdk.Cli.Loading;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Commands
{
    /// <summary><c>errorsdk diff OLD NEW [--format text|json] [--strict]</c>.</summary>
    internal static class DiffCommand
    {
        public static Command Create()
        {
            var old = CommonOptions.TaxonomyArgument("OLD", "The published taxonomy.json.");
            var next = CommonOptions.TaxonomyArgument("NEW", "The changed taxonomy.json.");
            var format = CommonOptions.FormatOption();
            var strict = new Option<bool>("--strict")
            {
                Description = "Also exit 1 when an additive or editorial change comes without the minor or patch bump it needs.",
            };
            var command = new Command(
                "diff",
                "Classify every change between two versions of a taxonomy as breaking (needs a major bump), additive (minor) " +
                "or editorial (patch), and say whether the 'version' bump allows it. Exits 1 when a breaking change comes " +
                "without a major bump.")
            {
                old,
                next,
                format,
                strict,
            };
            command.SetAction(parseResult => Run(
                parseResult,
                parseResult.GetValue(old)!,
                parseResult.GetValue(next)!,
                parseResult.GetValue(format)!,
                parseResult.GetValue(strict)));
            return command;
        }

        private static int Run(ParseResult parseResult, string oldPath, string nextPath, string format, bool strict)
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var old = TaxonomyLoader.LoadValid(oldPath, error, out int oldExit);
            if (old is null)
            {
                return oldExit;
            }

            var next = TaxonomyLoader.LoadValid(nextPath, error, out int nextExit);
            if (next is null)
            {
                return nextExit;
            }

            var report = new DiffReport(old, next, TaxonomyDiff.Compare(old, next));
            output.Write(format == "json" ? report.ToJson() : report.ToText());
            return report.HasUnallowedBreakingChange || (strict && report.HasUnallowedChange) ? ExitCodes.Failure : ExitCodes.Success;
        }
    }

    /// <summary>The changes between two taxonomies judged against their version bump.</summary>
    internal sealed class DiffReport
    {
        public DiffReport(TaxonomySpec old, TaxonomySpec next, IReadOnlyList<TaxonomyChange> changes)
        {
            OldVersion = old.Version;
            NewVersion = next.Version;
            Name = next.Name;
            Changes = changes;
            var oldVersion = SemanticVersion.Parse(old.Version);
            var newVersion = SemanticVersion.Parse(next.Version);
            Bump = oldVersion is null || newVersion is null ? VersionBump.None : SemanticVersion.BumpBetween(oldVersion, newVersion);
        }

        public string Name { get; }

        public string OldVersion { get; }

        public string NewVersion { get; }

        public VersionBump Bump { get; }

        public IReadOnlyList<TaxonomyChange> Changes { get; }

        public bool HasUnallowedBreakingChange => Changes.Any(c => c.Class == ChangeClass.Breaking && !IsAllowed(c));

        public bool HasUnallowedChange => Changes.Any(c => !IsAllowed(c));

        public bool IsAllowed(TaxonomyChange change) => Bump >= change.RequiredBump;

        public static string BumpName(VersionBump bump) => bump switch
        {
            VersionBump.Major => "major",
            VersionBump.Minor => "minor",
            VersionBump.Patch => "patch",
            _ => "none",
        };

        public string ToText()
        {
            var text = new StringBuilder();
            text.Append(Name).Append(' ').Append(OldVersion).Append(" -> ").Append(NewVersion).Append(": ")
                .Append(Bump == VersionBump.None ? "no version bump" : BumpName(Bump) + " bump").Append(".\n");
            foreach (var change in Changes)
            {
                text.Append(change.ClassName.PadRight(10)).Append(change.Subject).Append(": ").Append(change.Description)
                    .Append(" [needs ").Append(BumpName(change.RequiredBump)).Append(", ")
                    .Append(IsAllowed(change) ? "allowed" : "NOT allowed").Append("]\n");
            }

            int Count(ChangeClass c) => Changes.Count(x => x.Class == c);
            text.Append(Changes.Count == 0 ? "No changes." : Plural(Changes.Count, "change") + ": " +
                Count(ChangeClass.Breaking).ToString(CultureInfo.InvariantCulture) + " breaking, " +
                Count(ChangeClass.Additive).ToString(CultureInfo.InvariantCulture) + " additive, " +
                Count(ChangeClass.Editorial).ToString(CultureInfo.InvariantCulture) + " editorial.");
            if (HasUnallowedBreakingChange)
            {
                text.Append(" Breaking changes need a major version bump.");
            }
            else if (HasUnallowedChange)
            {
                text.Append(" Some changes need a larger version bump.");
            }

            return text.Append('\n').ToString();
        }

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("name", Name);
                json.WriteString("oldVersion", OldVersion);
                json.WriteString("newVersion", NewVersion);
                json.WriteString("bump", BumpName(Bump));
                json.WriteBoolean("breaking", Changes.Any(c => c.Class == ChangeClass.Breaking));
                json.WriteBoolean("allowed", !HasUnallowedChange);
                json.WriteStartArray("changes");
                foreach (var change in Changes)
                {
                    json.WriteStartObject();
                    json.WriteString("class", change.ClassName);
                    json.WriteString("rule", change.Rule);
                    json.WriteString("subject", change.Subject);
                    json.WriteString("description", change.Description);
                    json.WriteString("needs", BumpName(change.RequiredBump));
                    json.WriteBoolean("allowed", IsAllowed(change));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static string Plural(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
