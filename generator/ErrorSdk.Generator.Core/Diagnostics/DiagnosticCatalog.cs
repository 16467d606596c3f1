// Roslyn-free on purpose: part of ErrorSdk.Generator.Core, which the CLI references without Roslyn.
using System;
using System.Collections.Generic;
using System.Globalization;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Diagnostics
{
    /// <summary>The severities a taxonomy diagnostic can have (mapped to Roslyn's DiagnosticSeverity by the generator).</summary>
    internal enum TaxonomySeverity
    {
        Error = 0,
        Warning = 1,
        Info = 2,
    }

    /// <summary>One entry of the catalog: a stable id and how to present it.</summary>
    internal sealed class DiagnosticDefinition
    {
        public DiagnosticDefinition(string id, string title, string messageFormat, TaxonomySeverity severity)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Severity = severity;
        }

        public string Id { get; }

        public string Title { get; }

        /// <summary>A composite format ({0}, {1}...), the same syntax Roslyn's DiagnosticDescriptor uses.</summary>
        public string MessageFormat { get; }

        public TaxonomySeverity Severity { get; }

        public string HelpLink => DiagnosticCatalog.HelpLinkBase + Id.ToLowerInvariant();
    }

    /// <summary>
    /// Stable diagnostic ids. Groups: ESDK0xx JSON syntax, ESDK1xx structure and values, ESDK2xx inheritance,
    /// ESDK3xx retry classification and routing, ESDK4xx fields and message templates. Never renumber.
    /// </summary>
    internal static class DiagnosticIds
    {
        public const string JsonSyntax = "ESDK001";
        public const string JsonComment = "ESDK002";
        public const string JsonTrailingComma = "ESDK003";
        public const string JsonDuplicateKey = "ESDK004";
        public const string JsonTooDeep = "ESDK005";
        public const string EmptyFile = "ESDK006";
        public const string InternalError = "ESDK099";

        public const string RootNotObject = "ESDK100";
        public const string UnknownProperty = "ESDK101";
        public const string MissingProperty = "ESDK102";
        public const string WrongType = "ESDK103";
        public const string NotAnInteger = "ESDK104";
        public const string EmptyString = "ESDK105";
        public const string InvalidName = "ESDK106";
        public const string InvalidNamespace = "ESDK107";
        public const string InvalidDomain = "ESDK108";
        public const string InvalidVersion = "ESDK109";
        public const string InvalidProtoPackage = "ESDK110";
        public const string NoKinds = "ESDK111";
        public const string InvalidReason = "ESDK112";
        public const string InvalidNumber = "ESDK113";
        public const string DuplicateNumber = "ESDK114";
        public const string ReservedNumber = "ESDK115";
        public const string ReservedReason = "ESDK116";
        public const string UnknownCode = "ESDK117";
        public const string CodeOk = "ESDK118";
        public const string InvalidRetry = "ESDK119";
        public const string HttpOutOfRange = "ESDK120";
        public const string PascalNameCollision = "ESDK121";
        public const string GeneratedNameCollision = "ESDK122";
        public const string DuplicateListEntry = "ESDK123";
        public const string DuplicateTaxonomy = "ESDK190";

        public const string UnknownParent = "ESDK200";
        public const string SelfParent = "ESDK201";
        public const string DuplicateParent = "ESDK202";
        public const string InheritanceCycle = "ESDK203";
        public const string RootMissingRequired = "ESDK204";
        public const string DiamondFieldConflict = "ESDK205";
        public const string DiamondValueConflict = "ESDK206";

        public const string NeverWithUnavailable = "ESDK300";
        public const string RetryableWithClientCode = "ESDK301";
        public const string DuplicateAlias = "ESDK302";
        public const string ShadowedAlias = "ESDK303";
        public const string DuplicateFallback = "ESDK304";
        public const string AbstractRouting = "ESDK305";
        public const string InvalidHttpMatch = "ESDK306";
        public const string UnknownTransport = "ESDK307";
        public const string AmbiguousHttpMatch = "ESDK308";
        public const string AmbiguousTransportMatch = "ESDK309";

        public const string InvalidFieldName = "ESDK400";
        public const string InvalidFieldType = "ESDK401";
        public const string FieldHidesInherited = "ESDK402";
        public const string FieldMemberCollision = "ESDK403";
        public const string UnknownPlaceholder = "ESDK404";
        public const string SensitivePlaceholder = "ESDK405";
        public const string UnbalancedBrace = "ESDK406";
    }

    /// <summary>The one table of taxonomy diagnostics: the generator and the CLI both present diagnostics from it.</summary>
    internal static class DiagnosticCatalog
    {
        public const string HelpLinkBase = "docs/diagnostics.md#";

        private const TaxonomySeverity Error = TaxonomySeverity.Error;

        public static readonly IReadOnlyList<DiagnosticDefinition> All = new[]
        {
            D(DiagnosticIds.JsonSyntax, "Invalid JSON", "Invalid JSON: {0}"),
            D(DiagnosticIds.JsonComment, "Comment in JSON", "Comments are not allowed: the taxonomy is strict JSON (RFC 8259) so that every language's reader accepts it. Remove the comment, or move the note into a 'description'"),
            D(DiagnosticIds.JsonTrailingComma, "Trailing comma in JSON", "Trailing comma before '{0}': strict JSON (RFC 8259) does not allow it. Remove the comma"),
            D(DiagnosticIds.JsonDuplicateKey, "Duplicate JSON key", "Duplicate key '{0}' (first declared at line {1}): JSON readers disagree on which one wins. Remove or rename one of them"),
            D(DiagnosticIds.JsonTooDeep, "JSON nested too deeply", "JSON is nested deeper than {0} levels; a taxonomy needs 5. Flatten the structure"),
            D(DiagnosticIds.EmptyFile, "Empty taxonomy file", "The taxonomy file is empty. Write a JSON object with 'name', 'namespace', 'domain', 'version', 'proto_package' and 'kinds'"),
            D(DiagnosticIds.InternalError, "Internal error", "Internal error while reading the taxonomy ({0}). Please report it together with the taxonomy file"),

            D(DiagnosticIds.RootNotObject, "Taxonomy root is not an object", "The taxonomy must be a JSON object, found {0}. Write '{{ \"name\": ..., \"kinds\": {{ ... }} }}'"),
            D(DiagnosticIds.UnknownProperty, "Unknown property", "Unknown property '{0}' in {1}. Allowed: {2}. Fix the spelling or remove it"),
            D(DiagnosticIds.MissingProperty, "Missing required property", "Missing required property '{0}' in {1}. Add it"),
            D(DiagnosticIds.WrongType, "Wrong value type", "'{0}' in {1} must be {2}, found {3}. Change the value"),
            D(DiagnosticIds.NotAnInteger, "Not a 32-bit integer", "'{0}' in {1} must be a whole number that fits in 32 bits, found {2}. Write an integer without fraction or exponent"),
            D(DiagnosticIds.EmptyString, "Empty text", "'{0}' in {1} must not be empty or blank. Write a meaningful text"),
            D(DiagnosticIds.InvalidName, "Invalid taxonomy name", "Taxonomy name '{0}' must be PascalCase (^[A-Z][A-Za-z0-9]*$): it prefixes the generated types ({0}Taxonomy, {0}Reason). Write e.g. 'Acme'"),
            D(DiagnosticIds.InvalidNamespace, "Invalid namespace", "Namespace '{0}' is not a valid C# namespace: {1}. Write dotted identifiers such as 'Acme.Errors'"),
            D(DiagnosticIds.InvalidDomain, "Invalid domain", "Domain '{0}' is not a DNS-like name: {1}. Write the service's domain, e.g. 'errors.acme.com'"),
            D(DiagnosticIds.InvalidVersion, "Invalid version", "Version '{0}' is not a semantic version (MAJOR.MINOR.PATCH[-prerelease][+build]). Write e.g. '1.0.0'"),
            D(DiagnosticIds.InvalidProtoPackage, "Invalid proto package", "Proto package '{0}' must match ^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$. Write e.g. 'acme.errors.v1'"),
            D(DiagnosticIds.NoKinds, "No kinds", "'kinds' is empty: a taxonomy needs at least one kind. Add a kind such as \"NOT_FOUND\": {{ \"number\": 1, ... }}"),
            D(DiagnosticIds.InvalidReason, "Invalid reason", "Reason '{0}' in {1} is invalid: {2}. Reasons are UPPER_SNAKE_CASE (^[A-Z][A-Z0-9_]*[A-Z0-9]$) of at most 63 characters (AIP-193)"),
            D(DiagnosticIds.InvalidNumber, "Invalid kind number", "Number {0} in {1} must be 1 or more: 0 is the enum's Unspecified value. Use the next free positive number"),
            D(DiagnosticIds.DuplicateNumber, "Duplicate kind number", "Kind '{0}' reuses number {1}, already taken by kind '{2}'. Numbers are proto enum values and must be unique: use the next free number"),
            D(DiagnosticIds.ReservedNumber, "Reserved number used", "Kind '{0}' uses number {1}, which is in 'reserved.numbers'. Retired numbers are never reused: use the next free number"),
            D(DiagnosticIds.ReservedReason, "Reserved reason used", "Kind '{0}' uses a reason listed in 'reserved.reasons'. Retired reasons are never reused: choose a new reason"),
            D(DiagnosticIds.UnknownCode, "Unknown gRPC code", "Unknown gRPC code '{0}' in {1}. Use one of: {2}"),
            D(DiagnosticIds.CodeOk, "Code OK is not an error", "{0} uses code OK, which means success. Use an error code such as FAILED_PRECONDITION, NOT_FOUND or INTERNAL"),
            D(DiagnosticIds.InvalidRetry, "Unknown retry policy", "Unknown retry policy '{0}' in kind '{1}'. Use one of: never, transient, throttled, reauthenticate"),
            D(DiagnosticIds.HttpOutOfRange, "HTTP status out of range", "HTTP status {0} in kind '{1}' is outside 100-599. Use a valid HTTP status, or remove 'http' to default from the code"),
            D(DiagnosticIds.PascalNameCollision, "Reasons with the same C# name", "Kinds '{0}' and '{1}' both become the C# name '{2}'. Rename one of the reasons"),
            D(DiagnosticIds.GeneratedNameCollision, "Generated names collide", "The generated name '{0}' of {1} collides with {2}. Rename the kind or the taxonomy"),
            D(DiagnosticIds.DuplicateListEntry, "Duplicate list entry", "'{0}' appears more than once in '{1}' of {2}. Remove the duplicate"),
            D(DiagnosticIds.DuplicateTaxonomy, "Duplicate taxonomy", "Taxonomy '{0}' would generate type '{1}', which '{2}' already generates, so this file is ignored. Give each taxonomy its own 'namespace'"),

            D(DiagnosticIds.UnknownParent, "Unknown parent", "Kind '{0}' names unknown parent '{1}'. Declare a kind '{1}' or fix the spelling"),
            D(DiagnosticIds.SelfParent, "Kind is its own parent", "Kind '{0}' lists itself as a parent. Remove it from 'parents'"),
            D(DiagnosticIds.DuplicateParent, "Duplicate parent", "Kind '{0}' lists parent '{1}' more than once. Remove the duplicate"),
            D(DiagnosticIds.InheritanceCycle, "Inheritance cycle", "Inheritance cycle: {0}. Remove one of these parents"),
            D(DiagnosticIds.RootMissingRequired, "Root kind lacks a required property", "Kind '{0}' has no parent, so it must declare '{1}' (a child inherits it from its first parent). Add '{1}'"),
            D(DiagnosticIds.DiamondFieldConflict, "Diamond field conflict", "Kind '{0}' reaches kind '{1}' through a secondary parent, so it must have field '{2}' ({3}) that '{1}' exposes, but {4}. Declare '{2}' in kind '{0}' with the same type, optionality and sensitivity"),
            D(DiagnosticIds.DiamondValueConflict, "Parents disagree on code or retry", "Kind '{0}' does not declare '{1}', and its parents disagree on it: {2}. Declare '{1}' in kind '{0}' explicitly instead of letting the first parent decide"),

            D(DiagnosticIds.NeverWithUnavailable, "Terminal kind with a retried code", "Kind '{0}' declares retry 'never' with code UNAVAILABLE; generic clients retry UNAVAILABLE. Use a terminal code such as FAILED_PRECONDITION, or declare retry 'transient'"),
            D(DiagnosticIds.RetryableWithClientCode, "Retried kind with a client-error code", "Kind '{0}' declares retry '{1}' with code {2}, which code-only callers treat as final (AIP-194). Use a retryable code such as UNAVAILABLE or RESOURCE_EXHAUSTED, or declare retry 'never'"),
            D(DiagnosticIds.DuplicateAlias, "Ambiguous alias", "Alias ({0}, {1}) of kind '{2}' is also declared by kind '{3}': Promote could not choose. Keep it in one kind"),
            D(DiagnosticIds.ShadowedAlias, "Alias never used", "Alias ({0}, {1}) of kind '{2}' is the own reason and code of kind '{3}', so Promote always routes it to '{3}' and the alias is never used. Remove the alias"),
            D(DiagnosticIds.DuplicateFallback, "Ambiguous fallback", "Code {0} is in 'fallback_for' of both '{1}' and '{2}': Promote could not choose. Keep it in one kind"),
            D(DiagnosticIds.AbstractRouting, "Routing on an abstract kind", "Abstract kind '{0}' declares '{1}', but an abstract kind is never raised or promoted. Move '{1}' to a concrete kind, or remove 'abstract'"),
            D(DiagnosticIds.InvalidHttpMatch, "Invalid HTTP status match", "{0} in 'match.http_status' of kind '{1}' is not an HTTP status (100-599) or a status class (\"1xx\" to \"5xx\"). Write e.g. 404 or \"5xx\""),
            D(DiagnosticIds.UnknownTransport, "Unknown transport failure", "Unknown transport failure '{0}' in 'match.transport' of kind '{1}'. Use one of: timeout, unreachable, undecodable, redirect_limit, limit_exceeded, invalid_request, tls"),
            D(DiagnosticIds.AmbiguousHttpMatch, "Ambiguous HTTP status match", "HTTP status match '{0}' is claimed by both '{1}' and '{2}': the HTTP adapter could not choose. Keep it in one kind"),
            D(DiagnosticIds.AmbiguousTransportMatch, "Ambiguous transport match", "Transport failure '{0}' is claimed by both '{1}' and '{2}': the HTTP adapter could not choose. Keep it in one kind"),

            D(DiagnosticIds.InvalidFieldName, "Invalid field name", "Field name '{0}' in kind '{1}' is invalid: {2}. Field names are lowerCamelCase (^[a-z][a-zA-Z0-9]*$) of at most 64 characters: they are ErrorInfo metadata keys"),
            D(DiagnosticIds.InvalidFieldType, "Unknown field type", "Unknown type '{0}' for field '{1}' of kind '{2}'. Use one of: string, int, bool, duration, uri"),
            D(DiagnosticIds.FieldHidesInherited, "Field already inherited", "Field '{0}' of kind '{1}' is already inherited from kind '{2}'. Remove it here, or rename it"),
            D(DiagnosticIds.FieldMemberCollision, "Field collides with a generated member", "Field '{0}' of kind '{1}' becomes property '{2}', which collides with {3}. Rename the field"),
            D(DiagnosticIds.UnknownPlaceholder, "Unknown message placeholder", "Placeholder '{{{0}}}' in the message of kind '{1}' is not a field of the kind (fields: {2}). Use a field name, or write '{{{{' and '}}}}' for literal braces"),
            D(DiagnosticIds.SensitivePlaceholder, "Sensitive field in message", "The message of kind '{1}' inserts sensitive field '{0}'; sensitive values never reach the message. Remove the placeholder, or make the field non-sensitive"),
            D(DiagnosticIds.UnbalancedBrace, "Unbalanced brace in message", "The message of kind '{0}' has {1}. Write '{{{{' or '}}}}' for a literal brace, and '{{field}}' to insert a field"),
        };

        private static readonly Dictionary<string, DiagnosticDefinition> ById = BuildIndex();

        /// <summary>The definition of <paramref name="id"/>; an unknown id is a bug, reported as the internal error.</summary>
        public static DiagnosticDefinition Get(string id) =>
            ById.TryGetValue(id, out var definition) ? definition : ById[DiagnosticIds.InternalError];

        /// <summary>The message of a diagnostic, formatted the way Roslyn formats the descriptor's message.</summary>
        public static string FormatMessage(DiagnosticInfo info)
        {
            var args = new object[info.MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = info.MessageArgs[i];
            }

            try
            {
                return string.Format(CultureInfo.InvariantCulture, Get(info.Id).MessageFormat, args);
            }
            catch (FormatException)
            {
                // A missing argument is a bug; still show what we have rather than failing the build.
                return Get(info.Id).MessageFormat + " [" + string.Join(", ", args) + "]";
            }
        }

        private static DiagnosticDefinition D(string id, string title, string format) =>
            new DiagnosticDefinition(id, title, format, Error);

        private static Dictionary<string, DiagnosticDefinition> BuildIndex()
        {
            var index = new Dictionary<string, DiagnosticDefinition>(StringComparer.Ordinal);
            foreach (var definition in All)
            {
                index[definition.Id] = definition;
            }

            return index;
        }
    }
}
