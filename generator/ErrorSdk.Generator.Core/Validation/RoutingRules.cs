using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>
    /// Invariant 3 (code-only callers classify right) and the routing tables: aliases, fallbacks and HTTP matches must
    /// each lead to exactly one kind.
    /// </summary>
    internal static class RoutingRules
    {
        public static void Check(ValidationContext context)
        {
            foreach (var kind in context.Kinds)
            {
                CheckRetryClassification(context, kind);
            }

            CheckAliases(context);
            CheckFallbacks(context);
            CheckMatches(context);
        }

        private static void CheckRetryClassification(ValidationContext context, KindState kind)
        {
            // When both come from the first parent, the parent already got the diagnostic.
            if (!kind.Resolved || (!kind.Raw.Has("code") && !kind.Raw.Has("retry")))
            {
                return;
            }

            string reason = NameRules.Shorten(kind.Reason);
            if (kind.Retry == RetryKind.Never && kind.Code == GrpcCodeTable.Unavailable)
            {
                context.Diagnostics.Report(DiagnosticIds.NeverWithUnavailable, kind.Raw.ReasonSpan, reason);
            }
            else if ((kind.Retry == RetryKind.Transient || kind.Retry == RetryKind.Throttled) && GrpcCodeTable.IsClientErrorCode(kind.Code))
            {
                context.Diagnostics.Report(DiagnosticIds.RetryableWithClientCode, kind.Raw.ReasonSpan, reason, Vocabulary.NameOf(kind.Retry), GrpcCodeTable.NameOf(kind.Code));
            }
        }

        private static void CheckAliases(ValidationContext context)
        {
            var owners = new Dictionary<(string Reason, int Code), KindState>();
            foreach (var kind in context.Kinds)
            {
                ReportAbstract(context, kind, "aliases", kind.Raw.Aliases.Count);
                string where = "an alias of " + ValidationContext.KindContext(kind);
                foreach (var alias in kind.Raw.Aliases)
                {
                    bool valid = alias.Reason != null && alias.Code != null;
                    if (alias.Reason != null && NameRules.ReasonProblem(alias.Reason.Value) is { } problem)
                    {
                        context.Diagnostics.Report(DiagnosticIds.InvalidReason, alias.Reason.Span, NameRules.Shorten(alias.Reason.Value), where, problem);
                        valid = false;
                    }

                    int code = alias.Code == null ? -1 : KindValueRules.CheckCode(context, alias.Code, where, "An alias of kind '" + NameRules.Shorten(kind.Reason) + "'");
                    if (!valid || code < 0)
                    {
                        continue;
                    }

                    string reason = alias.Reason!.Value;
                    string codeName = GrpcCodeTable.NameOf(code);
                    if (owners.TryGetValue((reason, code), out var other))
                    {
                        context.Diagnostics.Report(DiagnosticIds.DuplicateAlias, alias.Span, reason, codeName, NameRules.Shorten(kind.Reason), NameRules.Shorten(other.Reason));
                        continue;
                    }

                    owners.Add((reason, code), kind);
                    if (context.ByReason.TryGetValue(reason, out var target) && !target.Raw.IsAbstract && target.Resolved && target.Code == code)
                    {
                        context.Diagnostics.Report(DiagnosticIds.ShadowedAlias, alias.Span, reason, codeName, NameRules.Shorten(kind.Reason), target.Reason);
                        continue;
                    }

                    kind.Aliases.Add(new AliasSpec(reason, codeName, code));
                }
            }
        }

        private static void CheckFallbacks(ValidationContext context)
        {
            var owners = new Dictionary<int, KindState>();
            foreach (var kind in context.Kinds)
            {
                ReportAbstract(context, kind, "fallback_for", kind.Raw.FallbackFor.Count);
                string where = "'fallback_for' of " + ValidationContext.KindContext(kind);
                var seen = new HashSet<int>();
                foreach (var entry in kind.Raw.FallbackFor)
                {
                    int code = KindValueRules.CheckCode(context, entry, where, "'fallback_for' of kind '" + NameRules.Shorten(kind.Reason) + "'");
                    if (code < 0)
                    {
                        continue;
                    }

                    if (!seen.Add(code))
                    {
                        ReportDuplicate(context, entry.Span, entry.Value, "fallback_for", kind);
                    }
                    else if (owners.TryGetValue(code, out var other))
                    {
                        context.Diagnostics.Report(DiagnosticIds.DuplicateFallback, entry.Span, entry.Value, NameRules.Shorten(other.Reason), NameRules.Shorten(kind.Reason));
                    }
                    else
                    {
                        owners.Add(code, kind);
                        kind.FallbackFor.Add(entry.Value);
                    }
                }
            }
        }

        private static void CheckMatches(ValidationContext context)
        {
            var statusOwners = new Dictionary<string, KindState>(StringComparer.Ordinal);
            var transportOwners = new Dictionary<string, KindState>(StringComparer.Ordinal);
            foreach (var kind in context.Kinds)
            {
                ReportAbstract(context, kind, "match", kind.Raw.MatchHttpStatus.Count + kind.Raw.MatchTransport.Count);
                string reason = NameRules.Shorten(kind.Reason);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in kind.Raw.MatchHttpStatus)
                {
                    bool valid = entry.Number is int n ? n >= 100 && n <= 599 : NameRules.IsHttpClass(entry.Text);
                    if (!valid)
                    {
                        string shown = entry.Number != null ? entry.Text : "\"" + NameRules.Shorten(entry.Text) + "\"";
                        context.Diagnostics.Report(DiagnosticIds.InvalidHttpMatch, entry.Span, shown, reason);
                    }
                    else
                    {
                        Claim(context, kind, entry.Text, entry.Span, "match.http_status", seen, statusOwners, DiagnosticIds.AmbiguousHttpMatch, kind.MatchHttpStatus);
                    }
                }

                seen.Clear();
                foreach (var entry in kind.Raw.MatchTransport)
                {
                    if (!Vocabulary.IsTransport(entry.Value))
                    {
                        context.Diagnostics.Report(DiagnosticIds.UnknownTransport, entry.Span, NameRules.Shorten(entry.Value), reason);
                    }
                    else
                    {
                        Claim(context, kind, entry.Value, entry.Span, "match.transport", seen, transportOwners, DiagnosticIds.AmbiguousTransportMatch, kind.MatchTransport);
                    }
                }
            }
        }

        /// <summary>Records that <paramref name="kind"/> claims <paramref name="key"/>; a second claim is a duplicate or an ambiguity.</summary>
        private static void Claim(ValidationContext context, KindState kind, string key, SourceSpan span, string list, HashSet<string> seen, Dictionary<string, KindState> owners, string ambiguityId, List<string> accepted)
        {
            if (!seen.Add(key))
            {
                ReportDuplicate(context, span, key, list, kind);
            }
            else if (owners.TryGetValue(key, out var other))
            {
                context.Diagnostics.Report(ambiguityId, span, key, NameRules.Shorten(other.Reason), NameRules.Shorten(kind.Reason));
            }
            else
            {
                owners.Add(key, kind);
                accepted.Add(key);
            }
        }

        private static void ReportAbstract(ValidationContext context, KindState kind, string property, int count)
        {
            if (kind.Raw.IsAbstract && count > 0 && kind.Raw.PropertyNames.TryGetValue(property, out var span))
            {
                context.Diagnostics.Report(DiagnosticIds.AbstractRouting, span, NameRules.Shorten(kind.Reason), property);
            }
        }

        public static void ReportDuplicate(ValidationContext context, SourceSpan span, string value, string list, KindState? kind) =>
            context.Diagnostics.Report(DiagnosticIds.DuplicateListEntry, span, NameRules.Shorten(value), list, kind == null ? "the taxonomy" : ValidationContext.KindContext(kind));
    }
}
