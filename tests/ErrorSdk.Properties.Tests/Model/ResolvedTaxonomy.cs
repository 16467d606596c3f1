using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ErrorSdk.Properties.Tests.Model
{
    /// <summary>
    /// What docs/design.md says the generator must make of a <see cref="TaxonomyModel"/>, computed independently of the
    /// generator: inheritance of code/retry/message/http along the first parent (a kind whose parents' resolved code or
    /// retry differ must declare it, see <see cref="Disagreements"/>), the http default from the code,
    /// the fields along the first-parent chain, every ancestor by any path, and the Promote routing.
    /// </summary>
    internal sealed class ResolvedTaxonomy
    {
        private readonly Dictionary<string, ResolvedKind> _byReason = new(StringComparer.Ordinal);

        public ResolvedTaxonomy(TaxonomyModel model)
        {
            Model = model;
            foreach (var kind in model.Kinds)
            {
                // Parents always come earlier in the model, so they are resolved already.
                _byReason[kind.Reason] = Resolve(kind, _byReason);
            }

            Kinds = model.Kinds.Select(k => _byReason[k.Reason]).ToList();
        }

        public TaxonomyModel Model { get; }

        /// <summary>Every kind, in declaration order.</summary>
        public IReadOnlyList<ResolvedKind> Kinds { get; }

        public IEnumerable<ResolvedKind> Concrete => Kinds.Where(k => !k.Model.IsAbstract);

        public ResolvedKind this[string reason] => _byReason[reason];

        public bool TryGet(string reason, out ResolvedKind kind) => _byReason.TryGetValue(reason, out kind!);

        /// <summary>The <see cref="Disagreements"/> of the kind declaring <paramref name="reason"/>.</summary>
        public IReadOnlyList<string> DisagreementsOf(string reason) => Disagreements(Model.Kind(reason), _byReason);

        /// <summary>
        /// The kind Promote must return for a status whose taxonomy-domain ErrorInfo (if any) has
        /// <paramref name="reason"/> and whose code is <paramref name="code"/>; null means UnclassifiedException.
        /// An alias on (reason, code) wins over the reason's own kind (the schema: an alias is only allowed where it
        /// differs from a concrete kind's own pair), then the reason's concrete kind, then the code's fallback.
        /// </summary>
        /// <summary>Whether <paramref name="reason"/> with <paramref name="code"/> routes by alias or by reason (not by fallback).</summary>
        public bool IsKnownReason(string reason, int code) =>
            Concrete.Any(k => k.Model.Aliases.Any(a => a.Reason == reason && GrpcCodes.ValueOf(a.Code) == code)) ||
            (_byReason.TryGetValue(reason, out var own) && !own.Model.IsAbstract);

        public ResolvedKind? ExpectedRoute(string? reason, int code)
        {
            if (reason is not null)
            {
                foreach (var kind in Concrete)
                {
                    if (kind.Model.Aliases.Any(a => a.Reason == reason && GrpcCodes.ValueOf(a.Code) == code))
                    {
                        return kind;
                    }
                }

                if (_byReason.TryGetValue(reason, out var own) && !own.Model.IsAbstract)
                {
                    return own;
                }
            }

            return Concrete.FirstOrDefault(k => k.Model.FallbackFor.Any(c => GrpcCodes.ValueOf(c) == code));
        }

        /// <summary>
        /// The inherited properties ("code", "retry") on which <paramref name="kind"/>'s parents disagree while the kind
        /// does not declare them: each is an error (ESDK206) at the kind's <c>parents</c>. A valid taxonomy has none.
        /// Message and http may differ between parents (the first parent's are inherited; http follows the code).
        /// </summary>
        public static IReadOnlyList<string> Disagreements(KindModel kind, IReadOnlyDictionary<string, ResolvedKind> resolved)
        {
            var properties = new List<string>();
            if (kind.Code is null && ParentsDisagree(kind.Parents, resolved, k => k.Code))
            {
                properties.Add("code");
            }

            if (kind.Retry is null && ParentsDisagree(kind.Parents, resolved, k => k.Retry))
            {
                properties.Add("retry");
            }

            return properties;
        }

        /// <summary>True when two or more <paramref name="parents"/> resolve <paramref name="value"/> differently.</summary>
        public static bool ParentsDisagree<T>(IReadOnlyList<string> parents, IReadOnlyDictionary<string, ResolvedKind> resolved, Func<ResolvedKind, T> value) =>
            parents.Select(p => value(resolved[p])).Distinct().Count() > 1;

        /// <summary>
        /// Resolves <paramref name="kind"/>, whose parents are in <paramref name="resolved"/> already. Values absent from
        /// the kind come from its first parent; a kind with <see cref="Disagreements"/> is invalid, and is still resolved
        /// this way because the generator resolves it so for its other checks (e.g. invariant 3 on a mutated kind).
        /// </summary>
        public static ResolvedKind Resolve(KindModel kind, IReadOnlyDictionary<string, ResolvedKind> resolved)
        {
            var first = kind.Parents.Count > 0 ? resolved[kind.Parents[0]] : null;
            var code = kind.Code ?? first?.Code ?? throw new InvalidOperationException("root kind without code: " + kind.Reason);
            var retry = kind.Retry ?? first?.Retry ?? throw new InvalidOperationException("root kind without retry: " + kind.Reason);
            var message = kind.Message ?? first?.MessageTemplate ?? throw new InvalidOperationException("root kind without message: " + kind.Reason);
            var http = kind.Http ?? HttpDefault(kind, first, code);
            var fields = (first?.AllFields ?? Array.Empty<FieldModel>()).Concat(kind.Fields).ToList();
            var ancestors = new List<string>();
            foreach (var parent in kind.Parents)
            {
                foreach (var reason in new[] { parent }.Concat(resolved[parent].Ancestors))
                {
                    if (!ancestors.Contains(reason))
                    {
                        ancestors.Add(reason);
                    }
                }
            }

            return new ResolvedKind(kind, code, retry, message, http, fields, ancestors);
        }

        /// <summary>
        /// The http of a kind that declares none. docs/design.md: "inherited from the first parent when absent", "defaults
        /// from the code by the google.rpc.Code table". A parent's http is inherited only while the code is too: a
        /// child that declares its own code gets that code's default (else UPSTREAM_BAD_REQUEST, a
        /// FAILED_PRECONDITION child of an UNAVAILABLE kind, would be HTTP 503).
        /// </summary>
        private static int HttpDefault(KindModel kind, ResolvedKind? first, string code) =>
            first is not null && kind.Code is null ? first.HttpStatus : GrpcCodes.HttpOf(code);
    }

    /// <summary>One kind with its inherited properties resolved.</summary>
    internal sealed record ResolvedKind(
        KindModel Model,
        string Code,
        RetryPolicy Retry,
        string MessageTemplate,
        int HttpStatus,
        IReadOnlyList<FieldModel> AllFields,
        IReadOnlyList<string> Ancestors)
    {
        public string Reason => Model.Reason;

        public string PascalName => Naming.Pascal(Model.Reason);

        public int CodeValue => GrpcCodes.ValueOf(Code);

        /// <summary>The fields Metadata carries: every non-sensitive one.</summary>
        public IEnumerable<FieldModel> WireFields => AllFields.Where(f => !f.Sensitive);
    }

    /// <summary>Name conventions of the generated code (docs/design.md "Public surface").</summary>
    internal static class Naming
    {
        /// <summary><c>TOOL_RATE_LIMIT</c> → <c>ToolRateLimit</c>; <c>HTTP2_ERROR</c> → <c>Http2Error</c>.</summary>
        public static string Pascal(string reason)
        {
            var text = new StringBuilder(reason.Length);
            foreach (var segment in reason.Split('_'))
            {
                if (segment.Length > 0)
                {
                    text.Append(segment[0]).Append(segment.Substring(1).ToLowerInvariant());
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Message templates: <c>{field}</c> inserts a value, <c>{{</c> and <c>}}</c> are literal braces.</summary>
    internal static class Template
    {
        /// <summary>The field names a template inserts, in order.</summary>
        public static IReadOnlyList<string> Placeholders(string template)
        {
            var names = new List<string>();
            Render(template, name =>
            {
                names.Add(name);
                return string.Empty;
            });
            return names;
        }

        /// <summary>The rendered text: each placeholder replaced by <paramref name="value"/>(name), inserted literally.</summary>
        public static string Render(string template, Func<string, string> value)
        {
            var text = new StringBuilder(template.Length);
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    text.Append('{');
                    i++;
                }
                else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    text.Append('}');
                    i++;
                }
                else if (c == '{')
                {
                    int end = template.IndexOf('}', i);
                    text.Append(value(template.Substring(i + 1, end - i - 1)));
                    i = end;
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }
    }
}
