using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>
    /// Resolves and checks a raw taxonomy; builds the <see cref="TaxonomySpec"/> only when no error was reported.
    /// Determinism: kinds are ordered by number and fields by name, so the order of keys in the file never changes
    /// the spec; arrays (parents, aliases, fallback_for, match, reserved) keep the order they are written in.
    /// </summary>
    internal static class TaxonomyValidator
    {
        public static TaxonomySpec? Validate(RawTaxonomy raw, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            var context = new ValidationContext(raw, diagnostics, cancellationToken);
            CheckTopLevel(context);
            CheckReserved(context);
            KindValueRules.Check(context);
            GeneratedNameRules.Check(context);
            InheritanceResolver.Resolve(context);
            TemplateRules.Check(context);
            RoutingRules.Check(context);
            cancellationToken.ThrowIfCancellationRequested();
            return diagnostics.HasErrors ? null : Build(context);
        }

        private static void CheckTopLevel(ValidationContext context)
        {
            var raw = context.Raw;
            var diagnostics = context.Diagnostics;
            if (raw.Name is { } name && !NameRules.IsTaxonomyName(name.Value))
            {
                diagnostics.Report(DiagnosticIds.InvalidName, name.Span, NameRules.Shorten(name.Value));
            }

            if (raw.Namespace is { } ns && NameRules.NamespaceProblem(ns.Value) is { } nsProblem)
            {
                diagnostics.Report(DiagnosticIds.InvalidNamespace, ns.Span, NameRules.Shorten(ns.Value), nsProblem);
            }

            if (raw.Domain is { } domain && NameRules.DomainProblem(domain.Value) is { } domainProblem)
            {
                diagnostics.Report(DiagnosticIds.InvalidDomain, domain.Span, NameRules.Shorten(domain.Value), domainProblem);
            }

            if (raw.Version is { } version && !SemanticVersionRule.IsValid(version.Value))
            {
                diagnostics.Report(DiagnosticIds.InvalidVersion, version.Span, NameRules.Shorten(version.Value));
            }

            if (raw.ProtoPackage is { } package && !NameRules.IsProtoPackage(package.Value))
            {
                diagnostics.Report(DiagnosticIds.InvalidProtoPackage, package.Span, NameRules.Shorten(package.Value));
            }
        }

        private static void CheckReserved(ValidationContext context)
        {
            var numbers = new HashSet<int>();
            foreach (var number in context.Raw.ReservedNumbers)
            {
                string text = number.Value.ToString(CultureInfo.InvariantCulture);
                if (number.Value <= 0)
                {
                    context.Diagnostics.Report(DiagnosticIds.InvalidNumber, number.Span, text, "'reserved.numbers'");
                }
                else if (!numbers.Add(number.Value))
                {
                    RoutingRules.ReportDuplicate(context, number.Span, text, "reserved.numbers", null);
                }
            }

            var reasons = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var reason in context.Raw.ReservedReasons)
            {
                if (NameRules.ReasonProblem(reason.Value) is { } problem)
                {
                    context.Diagnostics.Report(DiagnosticIds.InvalidReason, reason.Span, NameRules.Shorten(reason.Value), "'reserved.reasons'", problem);
                }
                else if (!reasons.Add(reason.Value))
                {
                    RoutingRules.ReportDuplicate(context, reason.Span, reason.Value, "reserved.reasons", null);
                }
            }
        }

        private static TaxonomySpec? Build(ValidationContext context)
        {
            var raw = context.Raw;
            if (raw.Name == null || raw.Namespace == null || raw.Domain == null || raw.Version == null || raw.ProtoPackage == null
                || context.Kinds.Count == 0 || context.Kinds.Any(k => !k.Resolved || k.Raw.Number == null || k.Raw.Description == null))
            {
                // Every path here reported an error; reaching this line is a bug, and still must not yield a bad spec.
                context.Diagnostics.Report(DiagnosticIds.InternalError, raw.RootSpan, "the taxonomy passed validation but is incomplete");
                return null;
            }

            var firstParents = new HashSet<string>(
                context.Kinds.Where(k => k.Raw.Parents.Count > 0).Select(k => k.Raw.Parents[0].Value),
                System.StringComparer.Ordinal);
            var kinds = context.Kinds
                .OrderBy(k => k.Raw.Number!.Value)
                .Select(k => BuildKind(k, firstParents))
                .ToEquatableArray();
            return new TaxonomySpec(
                raw.Name.Value,
                raw.Namespace.Value,
                raw.Domain.Value,
                raw.Version.Value,
                raw.ProtoPackage.Value,
                raw.Locator.Path,
                raw.ReservedNumbers.Select(n => n.Value).ToEquatableArray(),
                raw.ReservedReasons.Select(r => r.Value).ToEquatableArray(),
                kinds);
        }

        private static KindSpec BuildKind(KindState kind, HashSet<string> firstParents) =>
            new KindSpec(
                kind.Reason,
                kind.Raw.Number!.Value,
                kind.Raw.Description!.Value,
                GrpcCodeTable.NameOf(kind.Code),
                kind.Code,
                kind.Http,
                kind.Retry,
                kind.Message!,
                kind.Raw.Parents.Select(p => p.Value).ToEquatableArray(),
                kind.Ancestors.Select(a => a.Reason).ToEquatableArray(),
                kind.OwnFields.ToEquatableArray(),
                kind.AllFields.ToEquatableArray(),
                kind.Aliases.ToEquatableArray(),
                kind.FallbackFor.ToEquatableArray(),
                kind.MatchHttpStatus.ToEquatableArray(),
                kind.MatchTransport.ToEquatableArray(),
                kind.Raw.Deprecated?.Value,
                kind.Raw.IsAbstract,
                kind.PascalName,
                IsSealed: !kind.Raw.IsAbstract && !firstParents.Contains(kind.Reason),
                ConstructorFields: kind.AllFields.Where(f => !f.Optional).Concat(kind.AllFields.Where(f => f.Optional)).ToEquatableArray(),
                PlaceholderFields: PlaceholderFields(kind));

        private static EquatableArray<FieldSpec> PlaceholderFields(KindState kind)
        {
            var names = new HashSet<string>(kind.Message!.Parts.Where(p => p.IsField).Select(p => p.Value), System.StringComparer.Ordinal);
            return kind.AllFields.Where(f => names.Contains(f.Name)).ToEquatableArray();
        }
    }
}
