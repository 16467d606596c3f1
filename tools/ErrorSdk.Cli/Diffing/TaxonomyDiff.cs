using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorSdk.Cli.Emitting;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Diffing
{
    /// <summary>
    /// Compares two versions of a taxonomy, following AIP-193: reasons and metadata keys, once published, are
    /// never removed. Values are compared resolved (after inheritance), so a change to a parent's code shows up on
    /// every child that inherits it.
    /// </summary>
    internal static class TaxonomyDiff
    {
        public static IReadOnlyList<TaxonomyChange> Compare(TaxonomySpec old, TaxonomySpec next)
        {
            var changes = new List<TaxonomyChange>();
            CompareTopLevel(old, next, changes);

            var oldKinds = old.Kinds.ToDictionary(k => k.Reason, StringComparer.Ordinal);
            var nextKinds = next.Kinds.ToDictionary(k => k.Reason, StringComparer.Ordinal);
            var nextByNumber = next.Kinds.ToDictionary(k => k.Number);

            foreach (var kind in old.Kinds.OrderBy(k => k.Number))
            {
                if (nextKinds.TryGetValue(kind.Reason, out var updated))
                {
                    CompareKind(kind, updated, changes);
                }
                else if (nextByNumber.TryGetValue(kind.Number, out var successor) && !oldKinds.ContainsKey(successor.Reason))
                {
                    changes.Add(Breaking("reason-renamed", kind.Reason, "reason renamed to " + successor.Reason + " (number " + N(kind.Number) + "); receivers that know '" + kind.Reason + "' no longer recognize it"));
                }
                else
                {
                    changes.Add(Breaking("reason-removed", kind.Reason, "kind removed; a published reason must stay (deprecate it instead)"));
                }
            }

            var oldNumbers = new HashSet<int>(old.Kinds.Select(k => k.Number));
            foreach (var kind in next.Kinds.OrderBy(k => k.Number))
            {
                if (oldKinds.ContainsKey(kind.Reason))
                {
                    continue;
                }

                bool isRename = oldNumbers.Contains(kind.Number) && !nextKinds.ContainsKey(old.Kinds.First(k => k.Number == kind.Number).Reason);
                if (old.ReservedNumbers.Contains(kind.Number))
                {
                    changes.Add(Breaking("reserved-number-reused", kind.Reason, "uses number " + N(kind.Number) + ", which the old version reserved for a retired kind"));
                }

                if (old.ReservedReasons.Contains(kind.Reason))
                {
                    changes.Add(Breaking("reserved-reason-reused", kind.Reason, "reuses reason '" + kind.Reason + "', which the old version reserved"));
                }

                if (!isRename)
                {
                    changes.Add(Additive("kind-added", kind.Reason, "new kind (number " + N(kind.Number) + ", " + kind.CodeName + ", " + Vocabulary.NameOf(kind.Retry) + ")"));
                }
            }

            return changes;
        }

        private static void CompareTopLevel(TaxonomySpec old, TaxonomySpec next, List<TaxonomyChange> changes)
        {
            if (old.Domain != next.Domain)
            {
                changes.Add(Breaking("domain-changed", "domain", "changed from '" + old.Domain + "' to '" + next.Domain + "'; receivers no longer recognize any reason"));
            }

            if (old.Name != next.Name)
            {
                changes.Add(Breaking("name-changed", "name", "changed from '" + old.Name + "' to '" + next.Name + "'; the generated type names change"));
            }

            if (old.Namespace != next.Namespace)
            {
                changes.Add(Breaking("namespace-changed", "namespace", "changed from '" + old.Namespace + "' to '" + next.Namespace + "'; the generated C# namespace changes"));
            }

            if (old.ProtoPackage != next.ProtoPackage)
            {
                changes.Add(Breaking("proto-package-changed", "proto_package", "changed from '" + old.ProtoPackage + "' to '" + next.ProtoPackage + "'; the proto enum's full name changes"));
            }

            foreach (var number in old.ReservedNumbers.Except(next.ReservedNumbers).OrderBy(n => n))
            {
                changes.Add(Breaking("reserved-number-released", "reserved.numbers", "number " + N(number) + " is no longer reserved; a retired number must never be reused"));
            }

            foreach (var reason in old.ReservedReasons.Except(next.ReservedReasons).OrderBy(r => r, StringComparer.Ordinal))
            {
                changes.Add(Breaking("reserved-reason-released", "reserved.reasons", "reason '" + reason + "' is no longer reserved; a retired reason must never be reused"));
            }

            foreach (var number in next.ReservedNumbers.Except(old.ReservedNumbers).Where(n => !old.Kinds.Any(k => k.Number == n)).OrderBy(n => n))
            {
                changes.Add(Additive("number-reserved", "reserved.numbers", "number " + N(number) + " reserved"));
            }

            foreach (var reason in next.ReservedReasons.Except(old.ReservedReasons).Where(r => !old.Kinds.Any(k => k.Reason == r)).OrderBy(r => r, StringComparer.Ordinal))
            {
                changes.Add(Additive("reason-reserved", "reserved.reasons", "reason '" + reason + "' reserved"));
            }
        }

        private static void CompareKind(KindSpec old, KindSpec next, List<TaxonomyChange> changes)
        {
            var reason = old.Reason;
            if (old.Number != next.Number)
            {
                changes.Add(Breaking("number-changed", reason, "number changed from " + N(old.Number) + " to " + N(next.Number) + "; it is the proto enum value"));
            }

            if (old.CodeName != next.CodeName)
            {
                changes.Add(Breaking("code-changed", reason, "gRPC code changed from " + old.CodeName + " to " + next.CodeName));
            }

            if (old.HttpStatus != next.HttpStatus)
            {
                changes.Add(Breaking("http-changed", reason, "HTTP status changed from " + N(old.HttpStatus) + " to " + N(next.HttpStatus)));
            }

            if (old.Retry != next.Retry)
            {
                changes.Add(Breaking("retry-changed", reason, "retry policy changed from " + Vocabulary.NameOf(old.Retry) + " to " + Vocabulary.NameOf(next.Retry)));
            }

            if (!old.IsAbstract && next.IsAbstract)
            {
                changes.Add(Breaking("kind-made-abstract", reason, "became abstract: it is no longer raised or promoted"));
            }
            else if (old.IsAbstract && !next.IsAbstract)
            {
                changes.Add(Additive("kind-made-concrete", reason, "is no longer abstract: it can now be raised and promoted"));
            }

            CompareParents(old, next, changes);
            CompareFields(old, next, changes);
            CompareRouting(old, next, changes);

            if (old.Message.Text != next.Message.Text)
            {
                changes.Add(Editorial("message-changed", reason, "message template changed from \"" + old.Message.Text + "\" to \"" + next.Message.Text + "\""));
            }

            if (old.Description != next.Description)
            {
                changes.Add(Editorial("description-changed", reason, "description changed"));
            }

            if (old.Deprecated != next.Deprecated)
            {
                changes.Add(old.Deprecated is null
                    ? Additive("kind-deprecated", reason, "deprecated: " + next.Deprecated)
                    : next.Deprecated is null
                        ? Additive("kind-undeprecated", reason, "no longer deprecated")
                        : Editorial("deprecation-changed", reason, "deprecation note changed"));
            }
        }

        private static void CompareParents(KindSpec old, KindSpec next, List<TaxonomyChange> changes)
        {
            var reason = old.Reason;
            if (old.BaseReason != next.BaseReason)
            {
                changes.Add(Breaking("base-changed", reason, "first parent (the class base) changed from " + (old.BaseReason ?? "none") + " to " + (next.BaseReason ?? "none")));
            }

            foreach (var ancestor in old.Ancestors.Except(next.Ancestors).OrderBy(a => a, StringComparer.Ordinal))
            {
                changes.Add(Breaking("ancestor-removed", reason, "no longer a kind of " + ancestor + "; code that catches " + ancestor + " stops catching it"));
            }

            foreach (var ancestor in next.Ancestors.Except(old.Ancestors).OrderBy(a => a, StringComparer.Ordinal))
            {
                changes.Add(Additive("ancestor-added", reason, "now also a kind of " + ancestor));
            }
        }

        private static void CompareFields(KindSpec old, KindSpec next, List<TaxonomyChange> changes)
        {
            var nextFields = next.AllFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var field in old.AllFields)
            {
                var subject = old.Reason + "." + field.Name;
                if (!nextFields.TryGetValue(field.Name, out var updated))
                {
                    changes.Add(Breaking("field-removed", subject, "field removed; a published metadata key must stay"));
                    continue;
                }

                if (field.Type != updated.Type)
                {
                    changes.Add(Breaking("field-retyped", subject, "type changed from " + Vocabulary.NameOf(field.Type) + " to " + Vocabulary.NameOf(updated.Type)));
                }

                if (field.Optional && !updated.Optional)
                {
                    changes.Add(Breaking("field-made-required", subject, "became required; senders built on the old version do not set it"));
                }
                else if (!field.Optional && updated.Optional)
                {
                    changes.Add(Breaking("field-made-optional", subject, "became optional; receivers that rely on it may no longer get it"));
                }

                if (!field.Sensitive && updated.Sensitive)
                {
                    changes.Add(Breaking("field-made-sensitive", subject, "became sensitive: its metadata key leaves the wire"));
                }
                else if (field.Sensitive && !updated.Sensitive)
                {
                    changes.Add(Additive("field-made-public", subject, "is no longer sensitive: it now travels in the metadata and may appear in messages"));
                }

                if (field.Description != updated.Description)
                {
                    changes.Add(Editorial("field-description-changed", subject, "description changed"));
                }
            }

            var oldNames = new HashSet<string>(old.AllFields.Select(f => f.Name), StringComparer.Ordinal);
            foreach (var field in next.AllFields.Where(f => !oldNames.Contains(f.Name)))
            {
                var subject = old.Reason + "." + field.Name;
                changes.Add(field.Optional
                    ? Additive("optional-field-added", subject, "new optional " + Vocabulary.NameOf(field.Type) + " field")
                    : Breaking("required-field-added", subject, "new required " + Vocabulary.NameOf(field.Type) + " field; senders built on the old version do not set it"));
            }
        }

        private static void CompareRouting(KindSpec old, KindSpec next, List<TaxonomyChange> changes)
        {
            var reason = old.Reason;
            static string Alias(AliasSpec a) => "(" + a.Reason + ", " + a.CodeName + ")";
            foreach (var alias in old.Aliases.Select(Alias).Except(next.Aliases.Select(Alias)))
            {
                changes.Add(Breaking("alias-removed", reason, "alias " + alias + " removed; statuses in that form no longer promote to it"));
            }

            foreach (var alias in next.Aliases.Select(Alias).Except(old.Aliases.Select(Alias)))
            {
                changes.Add(Additive("alias-added", reason, "new alias " + alias));
            }

            foreach (var code in old.FallbackFor.Except(next.FallbackFor))
            {
                changes.Add(Breaking("fallback-removed", reason, "no longer the fallback for " + code + "; reasonless statuses with that code promote differently"));
            }

            foreach (var code in next.FallbackFor.Except(old.FallbackFor))
            {
                changes.Add(Additive("fallback-added", reason, "now the fallback for " + code));
            }

            var oldMatch = old.MatchHttpStatus.Select(s => "HTTP " + s).Concat(old.MatchTransport.Select(t => "transport " + t)).ToList();
            var nextMatch = next.MatchHttpStatus.Select(s => "HTTP " + s).Concat(next.MatchTransport.Select(t => "transport " + t)).ToList();
            foreach (var match in oldMatch.Except(nextMatch))
            {
                changes.Add(Breaking("match-removed", reason, "no longer raised for " + match + "; the HTTP adapter raises another kind for it"));
            }

            foreach (var match in nextMatch.Except(oldMatch))
            {
                changes.Add(Additive("match-added", reason, "now raised for " + match));
            }
        }

        private static TaxonomyChange Breaking(string rule, string subject, string text) => new TaxonomyChange(ChangeClass.Breaking, rule, subject, text);

        private static TaxonomyChange Additive(string rule, string subject, string text) => new TaxonomyChange(ChangeClass.Additive, rule, subject, text);

        private static TaxonomyChange Editorial(string rule, string subject, string text) => new TaxonomyChange(ChangeClass.Editorial, rule, subject, text);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
