using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Generator.Diagnostics
{
    /// <summary>
    /// Roslyn's view of the <see cref="DiagnosticCatalog"/>: one descriptor per id, and DiagnosticInfo → Diagnostic.
    /// Ids, category and severity are spelled out per descriptor (texts come from the catalog) so Roslyn's release
    /// tracking can check them against AnalyzerReleases.*.md; a test checks they agree with the catalog.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "ErrorSdk";

        public static readonly DiagnosticDescriptor JsonSyntax = new DiagnosticDescriptor(
            DiagnosticIds.JsonSyntax, TitleOf(DiagnosticIds.JsonSyntax), FormatOf(DiagnosticIds.JsonSyntax), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.JsonSyntax));

        public static readonly DiagnosticDescriptor JsonComment = new DiagnosticDescriptor(
            DiagnosticIds.JsonComment, TitleOf(DiagnosticIds.JsonComment), FormatOf(DiagnosticIds.JsonComment), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.JsonComment));

        public static readonly DiagnosticDescriptor JsonTrailingComma = new DiagnosticDescriptor(
            DiagnosticIds.JsonTrailingComma, TitleOf(DiagnosticIds.JsonTrailingComma), FormatOf(DiagnosticIds.JsonTrailingComma), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.JsonTrailingComma));

        public static readonly DiagnosticDescriptor JsonDuplicateKey = new DiagnosticDescriptor(
            DiagnosticIds.JsonDuplicateKey, TitleOf(DiagnosticIds.JsonDuplicateKey), FormatOf(DiagnosticIds.JsonDuplicateKey), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.JsonDuplicateKey));

        public static readonly DiagnosticDescriptor JsonTooDeep = new DiagnosticDescriptor(
            DiagnosticIds.JsonTooDeep, TitleOf(DiagnosticIds.JsonTooDeep), FormatOf(DiagnosticIds.JsonTooDeep), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.JsonTooDeep));

        public static readonly DiagnosticDescriptor EmptyFile = new DiagnosticDescriptor(
            DiagnosticIds.EmptyFile, TitleOf(DiagnosticIds.EmptyFile), FormatOf(DiagnosticIds.EmptyFile), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.EmptyFile));

        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            DiagnosticIds.InternalError, TitleOf(DiagnosticIds.InternalError), FormatOf(DiagnosticIds.InternalError), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InternalError));

        public static readonly DiagnosticDescriptor RootNotObject = new DiagnosticDescriptor(
            DiagnosticIds.RootNotObject, TitleOf(DiagnosticIds.RootNotObject), FormatOf(DiagnosticIds.RootNotObject), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.RootNotObject));

        public static readonly DiagnosticDescriptor UnknownProperty = new DiagnosticDescriptor(
            DiagnosticIds.UnknownProperty, TitleOf(DiagnosticIds.UnknownProperty), FormatOf(DiagnosticIds.UnknownProperty), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnknownProperty));

        public static readonly DiagnosticDescriptor MissingProperty = new DiagnosticDescriptor(
            DiagnosticIds.MissingProperty, TitleOf(DiagnosticIds.MissingProperty), FormatOf(DiagnosticIds.MissingProperty), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.MissingProperty));

        public static readonly DiagnosticDescriptor WrongType = new DiagnosticDescriptor(
            DiagnosticIds.WrongType, TitleOf(DiagnosticIds.WrongType), FormatOf(DiagnosticIds.WrongType), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.WrongType));

        public static readonly DiagnosticDescriptor NotAnInteger = new DiagnosticDescriptor(
            DiagnosticIds.NotAnInteger, TitleOf(DiagnosticIds.NotAnInteger), FormatOf(DiagnosticIds.NotAnInteger), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.NotAnInteger));

        public static readonly DiagnosticDescriptor EmptyString = new DiagnosticDescriptor(
            DiagnosticIds.EmptyString, TitleOf(DiagnosticIds.EmptyString), FormatOf(DiagnosticIds.EmptyString), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.EmptyString));

        public static readonly DiagnosticDescriptor InvalidName = new DiagnosticDescriptor(
            DiagnosticIds.InvalidName, TitleOf(DiagnosticIds.InvalidName), FormatOf(DiagnosticIds.InvalidName), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidName));

        public static readonly DiagnosticDescriptor InvalidNamespace = new DiagnosticDescriptor(
            DiagnosticIds.InvalidNamespace, TitleOf(DiagnosticIds.InvalidNamespace), FormatOf(DiagnosticIds.InvalidNamespace), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidNamespace));

        public static readonly DiagnosticDescriptor InvalidDomain = new DiagnosticDescriptor(
            DiagnosticIds.InvalidDomain, TitleOf(DiagnosticIds.InvalidDomain), FormatOf(DiagnosticIds.InvalidDomain), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidDomain));

        public static readonly DiagnosticDescriptor InvalidVersion = new DiagnosticDescriptor(
            DiagnosticIds.InvalidVersion, TitleOf(DiagnosticIds.InvalidVersion), FormatOf(DiagnosticIds.InvalidVersion), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidVersion));

        public static readonly DiagnosticDescriptor InvalidProtoPackage = new DiagnosticDescriptor(
            DiagnosticIds.InvalidProtoPackage, TitleOf(DiagnosticIds.InvalidProtoPackage), FormatOf(DiagnosticIds.InvalidProtoPackage), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidProtoPackage));

        public static readonly DiagnosticDescriptor NoKinds = new DiagnosticDescriptor(
            DiagnosticIds.NoKinds, TitleOf(DiagnosticIds.NoKinds), FormatOf(DiagnosticIds.NoKinds), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.NoKinds));

        public static readonly DiagnosticDescriptor InvalidReason = new DiagnosticDescriptor(
            DiagnosticIds.InvalidReason, TitleOf(DiagnosticIds.InvalidReason), FormatOf(DiagnosticIds.InvalidReason), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidReason));

        public static readonly DiagnosticDescriptor InvalidNumber = new DiagnosticDescriptor(
            DiagnosticIds.InvalidNumber, TitleOf(DiagnosticIds.InvalidNumber), FormatOf(DiagnosticIds.InvalidNumber), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidNumber));

        public static readonly DiagnosticDescriptor DuplicateNumber = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateNumber, TitleOf(DiagnosticIds.DuplicateNumber), FormatOf(DiagnosticIds.DuplicateNumber), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateNumber));

        public static readonly DiagnosticDescriptor ReservedNumber = new DiagnosticDescriptor(
            DiagnosticIds.ReservedNumber, TitleOf(DiagnosticIds.ReservedNumber), FormatOf(DiagnosticIds.ReservedNumber), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.ReservedNumber));

        public static readonly DiagnosticDescriptor ReservedReason = new DiagnosticDescriptor(
            DiagnosticIds.ReservedReason, TitleOf(DiagnosticIds.ReservedReason), FormatOf(DiagnosticIds.ReservedReason), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.ReservedReason));

        public static readonly DiagnosticDescriptor UnknownCode = new DiagnosticDescriptor(
            DiagnosticIds.UnknownCode, TitleOf(DiagnosticIds.UnknownCode), FormatOf(DiagnosticIds.UnknownCode), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnknownCode));

        public static readonly DiagnosticDescriptor CodeOk = new DiagnosticDescriptor(
            DiagnosticIds.CodeOk, TitleOf(DiagnosticIds.CodeOk), FormatOf(DiagnosticIds.CodeOk), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.CodeOk));

        public static readonly DiagnosticDescriptor InvalidRetry = new DiagnosticDescriptor(
            DiagnosticIds.InvalidRetry, TitleOf(DiagnosticIds.InvalidRetry), FormatOf(DiagnosticIds.InvalidRetry), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidRetry));

        public static readonly DiagnosticDescriptor HttpOutOfRange = new DiagnosticDescriptor(
            DiagnosticIds.HttpOutOfRange, TitleOf(DiagnosticIds.HttpOutOfRange), FormatOf(DiagnosticIds.HttpOutOfRange), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.HttpOutOfRange));

        public static readonly DiagnosticDescriptor PascalNameCollision = new DiagnosticDescriptor(
            DiagnosticIds.PascalNameCollision, TitleOf(DiagnosticIds.PascalNameCollision), FormatOf(DiagnosticIds.PascalNameCollision), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.PascalNameCollision));

        public static readonly DiagnosticDescriptor GeneratedNameCollision = new DiagnosticDescriptor(
            DiagnosticIds.GeneratedNameCollision, TitleOf(DiagnosticIds.GeneratedNameCollision), FormatOf(DiagnosticIds.GeneratedNameCollision), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.GeneratedNameCollision));

        public static readonly DiagnosticDescriptor DuplicateListEntry = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateListEntry, TitleOf(DiagnosticIds.DuplicateListEntry), FormatOf(DiagnosticIds.DuplicateListEntry), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateListEntry));

        public static readonly DiagnosticDescriptor DuplicateTaxonomy = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateTaxonomy, TitleOf(DiagnosticIds.DuplicateTaxonomy), FormatOf(DiagnosticIds.DuplicateTaxonomy), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateTaxonomy));

        public static readonly DiagnosticDescriptor UnknownParent = new DiagnosticDescriptor(
            DiagnosticIds.UnknownParent, TitleOf(DiagnosticIds.UnknownParent), FormatOf(DiagnosticIds.UnknownParent), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnknownParent));

        public static readonly DiagnosticDescriptor SelfParent = new DiagnosticDescriptor(
            DiagnosticIds.SelfParent, TitleOf(DiagnosticIds.SelfParent), FormatOf(DiagnosticIds.SelfParent), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.SelfParent));

        public static readonly DiagnosticDescriptor DuplicateParent = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateParent, TitleOf(DiagnosticIds.DuplicateParent), FormatOf(DiagnosticIds.DuplicateParent), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateParent));

        public static readonly DiagnosticDescriptor InheritanceCycle = new DiagnosticDescriptor(
            DiagnosticIds.InheritanceCycle, TitleOf(DiagnosticIds.InheritanceCycle), FormatOf(DiagnosticIds.InheritanceCycle), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InheritanceCycle));

        public static readonly DiagnosticDescriptor RootMissingRequired = new DiagnosticDescriptor(
            DiagnosticIds.RootMissingRequired, TitleOf(DiagnosticIds.RootMissingRequired), FormatOf(DiagnosticIds.RootMissingRequired), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.RootMissingRequired));

        public static readonly DiagnosticDescriptor DiamondFieldConflict = new DiagnosticDescriptor(
            DiagnosticIds.DiamondFieldConflict, TitleOf(DiagnosticIds.DiamondFieldConflict), FormatOf(DiagnosticIds.DiamondFieldConflict), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DiamondFieldConflict));

        public static readonly DiagnosticDescriptor DiamondValueConflict = new DiagnosticDescriptor(
            DiagnosticIds.DiamondValueConflict, TitleOf(DiagnosticIds.DiamondValueConflict), FormatOf(DiagnosticIds.DiamondValueConflict), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DiamondValueConflict));

        public static readonly DiagnosticDescriptor NeverWithUnavailable = new DiagnosticDescriptor(
            DiagnosticIds.NeverWithUnavailable, TitleOf(DiagnosticIds.NeverWithUnavailable), FormatOf(DiagnosticIds.NeverWithUnavailable), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.NeverWithUnavailable));

        public static readonly DiagnosticDescriptor RetryableWithClientCode = new DiagnosticDescriptor(
            DiagnosticIds.RetryableWithClientCode, TitleOf(DiagnosticIds.RetryableWithClientCode), FormatOf(DiagnosticIds.RetryableWithClientCode), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.RetryableWithClientCode));

        public static readonly DiagnosticDescriptor DuplicateAlias = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateAlias, TitleOf(DiagnosticIds.DuplicateAlias), FormatOf(DiagnosticIds.DuplicateAlias), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateAlias));

        public static readonly DiagnosticDescriptor ShadowedAlias = new DiagnosticDescriptor(
            DiagnosticIds.ShadowedAlias, TitleOf(DiagnosticIds.ShadowedAlias), FormatOf(DiagnosticIds.ShadowedAlias), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.ShadowedAlias));

        public static readonly DiagnosticDescriptor DuplicateFallback = new DiagnosticDescriptor(
            DiagnosticIds.DuplicateFallback, TitleOf(DiagnosticIds.DuplicateFallback), FormatOf(DiagnosticIds.DuplicateFallback), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.DuplicateFallback));

        public static readonly DiagnosticDescriptor AbstractRouting = new DiagnosticDescriptor(
            DiagnosticIds.AbstractRouting, TitleOf(DiagnosticIds.AbstractRouting), FormatOf(DiagnosticIds.AbstractRouting), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.AbstractRouting));

        public static readonly DiagnosticDescriptor InvalidHttpMatch = new DiagnosticDescriptor(
            DiagnosticIds.InvalidHttpMatch, TitleOf(DiagnosticIds.InvalidHttpMatch), FormatOf(DiagnosticIds.InvalidHttpMatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidHttpMatch));

        public static readonly DiagnosticDescriptor UnknownTransport = new DiagnosticDescriptor(
            DiagnosticIds.UnknownTransport, TitleOf(DiagnosticIds.UnknownTransport), FormatOf(DiagnosticIds.UnknownTransport), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnknownTransport));

        public static readonly DiagnosticDescriptor AmbiguousHttpMatch = new DiagnosticDescriptor(
            DiagnosticIds.AmbiguousHttpMatch, TitleOf(DiagnosticIds.AmbiguousHttpMatch), FormatOf(DiagnosticIds.AmbiguousHttpMatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.AmbiguousHttpMatch));

        public static readonly DiagnosticDescriptor AmbiguousTransportMatch = new DiagnosticDescriptor(
            DiagnosticIds.AmbiguousTransportMatch, TitleOf(DiagnosticIds.AmbiguousTransportMatch), FormatOf(DiagnosticIds.AmbiguousTransportMatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.AmbiguousTransportMatch));

        public static readonly DiagnosticDescriptor InvalidFieldName = new DiagnosticDescriptor(
            DiagnosticIds.InvalidFieldName, TitleOf(DiagnosticIds.InvalidFieldName), FormatOf(DiagnosticIds.InvalidFieldName), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidFieldName));

        public static readonly DiagnosticDescriptor InvalidFieldType = new DiagnosticDescriptor(
            DiagnosticIds.InvalidFieldType, TitleOf(DiagnosticIds.InvalidFieldType), FormatOf(DiagnosticIds.InvalidFieldType), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.InvalidFieldType));

        public static readonly DiagnosticDescriptor FieldHidesInherited = new DiagnosticDescriptor(
            DiagnosticIds.FieldHidesInherited, TitleOf(DiagnosticIds.FieldHidesInherited), FormatOf(DiagnosticIds.FieldHidesInherited), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.FieldHidesInherited));

        public static readonly DiagnosticDescriptor FieldMemberCollision = new DiagnosticDescriptor(
            DiagnosticIds.FieldMemberCollision, TitleOf(DiagnosticIds.FieldMemberCollision), FormatOf(DiagnosticIds.FieldMemberCollision), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.FieldMemberCollision));

        public static readonly DiagnosticDescriptor UnknownPlaceholder = new DiagnosticDescriptor(
            DiagnosticIds.UnknownPlaceholder, TitleOf(DiagnosticIds.UnknownPlaceholder), FormatOf(DiagnosticIds.UnknownPlaceholder), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnknownPlaceholder));

        public static readonly DiagnosticDescriptor SensitivePlaceholder = new DiagnosticDescriptor(
            DiagnosticIds.SensitivePlaceholder, TitleOf(DiagnosticIds.SensitivePlaceholder), FormatOf(DiagnosticIds.SensitivePlaceholder), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.SensitivePlaceholder));

        public static readonly DiagnosticDescriptor UnbalancedBrace = new DiagnosticDescriptor(
            DiagnosticIds.UnbalancedBrace, TitleOf(DiagnosticIds.UnbalancedBrace), FormatOf(DiagnosticIds.UnbalancedBrace), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpOf(DiagnosticIds.UnbalancedBrace));

        /// <summary>Every descriptor, in catalog order.</summary>
        public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
        {
            JsonSyntax,
            JsonComment,
            JsonTrailingComma,
            JsonDuplicateKey,
            JsonTooDeep,
            EmptyFile,
            InternalError,
            RootNotObject,
            UnknownProperty,
            MissingProperty,
            WrongType,
            NotAnInteger,
            EmptyString,
            InvalidName,
            InvalidNamespace,
            InvalidDomain,
            InvalidVersion,
            InvalidProtoPackage,
            NoKinds,
            InvalidReason,
            InvalidNumber,
            DuplicateNumber,
            ReservedNumber,
            ReservedReason,
            UnknownCode,
            CodeOk,
            InvalidRetry,
            HttpOutOfRange,
            PascalNameCollision,
            GeneratedNameCollision,
            DuplicateListEntry,
            DuplicateTaxonomy,
            UnknownParent,
            SelfParent,
            DuplicateParent,
            InheritanceCycle,
            RootMissingRequired,
            DiamondFieldConflict,
            DiamondValueConflict,
            NeverWithUnavailable,
            RetryableWithClientCode,
            DuplicateAlias,
            ShadowedAlias,
            DuplicateFallback,
            AbstractRouting,
            InvalidHttpMatch,
            UnknownTransport,
            AmbiguousHttpMatch,
            AmbiguousTransportMatch,
            InvalidFieldName,
            InvalidFieldType,
            FieldHidesInherited,
            FieldMemberCollision,
            UnknownPlaceholder,
            SensitivePlaceholder,
            UnbalancedBrace,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);

        public static DiagnosticDescriptor Get(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : InternalError;

        /// <summary>Rebuilds the Roslyn diagnostic at the taxonomy file's exact span (or nowhere, for a span-less internal error).</summary>
        public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        {
            var location = info.Span is { } span
                ? Location.Create(
                    span.Path,
                    new TextSpan(span.Start, span.Length),
                    new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
                : Location.None;
            var args = info.MessageArgs.Cast<object>().ToArray();
            return Diagnostic.Create(Get(info.Id), location, args);
        }

        private static string TitleOf(string id) => DiagnosticCatalog.Get(id).Title;

        private static string FormatOf(string id) => DiagnosticCatalog.Get(id).MessageFormat;

        private static string HelpOf(string id) => DiagnosticCatalog.Get(id).HelpLink;
    }
}
