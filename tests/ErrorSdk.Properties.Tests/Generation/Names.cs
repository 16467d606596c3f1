using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// Name pools for random taxonomies. Besides ordinary names they hold valid names that collide with something
    /// only a careless emitter would trip on: reasons whose class or interface shadows a framework, protobuf or
    /// runtime type (<c>STATUS</c> → <c>IStatus</c>, <c>KIND_INFO</c> → <c>KindInfoException</c>), namespaces with a
    /// <c>System</c>, <c>Google</c> or <c>ErrorSdk</c> segment, and fields named like C# keywords. TAXONOMY,
    /// UNCLASSIFIED and ERROR_TAXONOMY are left out: the validator rejects them (ESDK122) because their class or
    /// interface would be ambiguous with ErrorSdk's own types in user code.
    /// </summary>
    internal static class Names
    {
        /// <summary>Reason segments. Each starts with a letter, so the PascalCase name of a reason is unambiguous.</summary>
        private static readonly string[] ReasonWords =
        {
            "TOOL", "RATE", "LIMIT", "UPSTREAM", "NETWORK", "QUOTA", "AUTH", "TOKEN", "USER", "ACCOUNT", "PAYMENT", "CARD",
            "DISK", "FILE", "PATH", "NODE", "CLUSTER", "SHARD", "LEASE", "LOCK", "QUEUE", "TOPIC", "BUCKET", "REGION",
            "ZONE", "BILLING", "PLAN", "INVOICE", "LICENSE", "PROVIDER", "CONNECTOR", "GRANT", "SCOPE", "ROLE", "TENANT",
            "SESSION", "CACHE", "INDEX", "BATCH", "JOB", "TASK", "STEP", "TIMEOUT", "BUSY", "GONE", "EXPIRED", "DENIED",
            "MISSING", "INVALID", "CONFLICT", "STALE", "LOCKED", "FULL", "BROKEN", "V2", "HTTP2", "S3", "OAUTH2", "X509",
        };

        /// <summary>Whole reasons whose generated names shadow runtime, framework or protobuf types.</summary>
        private static readonly string[] TrickyReasons =
        {
            "SYSTEM", "STATUS", "CODE", "EXCEPTION", "KIND_INFO", "FIELD_INFO",
            "RETRY_POLICY", "STRING", "OBJECT", "GOOGLE", "ERROR_SDK", "FIELD_CODEC", "TYPE", "ERROR_CHAIN", "GRPC_WIRE",
            "RECEIVED_ERROR", "ANY", "ERROR_INFO", "RETRY_INFO", "AGGREGATE", "ARGUMENT", "TIME_SPAN", "URI", "INT32",
        };

        private static readonly string[] FieldWords =
        {
            "provider", "endpoint", "status", "phrase", "attempt", "limit", "quota", "region", "bucket", "resource", "user",
            "tenant", "count", "delay", "window", "path", "host", "body", "token", "payload", "url", "elapsed", "enabled",
            "flag", "name", "id", "version", "shard", "lease", "owner", "target", "origin", "detail", "raw", "upstream",
        };

        /// <summary>
        /// Valid field names that only a careless emitter trips on: C# keywords (parameters need <c>@</c>) and names
        /// of members an emitter might be tempted to add to generated classes.
        /// </summary>
        private static readonly string[] TrickyFields =
        {
            "event", "default", "class", "object", "string", "params", "operator", "namespace", "base", "this", "new",
            "fixed", "lock", "checked", "in", "out", "ref", "value", "int", "bool", "global", "var", "async", "await",
            "info", "kindInfo", "descriptor", "create", "promote", "instance", "fields", "all", "exception", "status",
            "type", "uri", "timeSpan", "system", "google", "errorSdk",
        };

        private static readonly string[] NamespaceWords = { "Acme", "Errors", "Generated", "V1", "Contoso", "Platform", "Billing", "Tools" };

        private static readonly string[] TrickyNamespaceWords = { "System", "Google", "ErrorSdk", "Rpc", "Taxonomy", "Linq", "Collections" };

        private static readonly string[] TaxonomyNames = { "Acme", "Contoso", "Zeta", "Orbit9", "Billing", "Platform", "Tools", "ErrorSdk", "X", "Ab" };

        private static readonly string[] DomainLabels = { "acme", "errors", "example", "contoso", "svc", "a", "x1", "io", "dev", "co", "api-v2" };

        /// <summary>A reason candidate: one to four words (rarely a tricky one), at most 63 characters.</summary>
        public static Gen<string> Reason() =>
            Gen.Frequency(
                (1, Gen.OneOf(TrickyReasons)),
                (2, Gen.OneOf(ReasonWords)),
                (12, from count in Gen.Int[2, 4]
                     from words in Gen.OneOf(ReasonWords).Array[count]
                     select string.Join("_", words)),
                (1, from words in Gen.OneOf(ReasonWords).Array[20]
                    select Limit(string.Join("_", words), 63)));

        /// <summary>A fresh field name: one or two words, rarely a tricky one, rarely 64 characters long.</summary>
        public static Gen<string> Field() =>
            Gen.Frequency(
                (2, Gen.OneOf(TrickyFields)),
                (6, Gen.OneOf(FieldWords)),
                (10, from a in Gen.OneOf(FieldWords)
                     from b in Gen.OneOf(FieldWords)
                     select a + char.ToUpperInvariant(b[0]) + b.Substring(1)),
                (1, from a in Gen.OneOf(FieldWords)
                    select (a + string.Concat(Enumerable.Repeat("Xyz", 30))).Substring(0, 64)));

        public static Gen<string> TaxonomyName() => Gen.OneOf(TaxonomyNames);

        public static Gen<string> Namespace() =>
            from count in Gen.Int[1, 3]
            from words in (Gen.Frequency((5, Gen.OneOf(NamespaceWords)), (1, Gen.OneOf(TrickyNamespaceWords)))).Array[count]
            select OutsideReservedNamespaces(string.Join(".", words));

        // The validator reserves System, Microsoft and the wire libraries' namespaces (ESDK107); tricky words stay inside.
        private static string OutsideReservedNamespaces(string ns) =>
            ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Google.Rpc", StringComparison.Ordinal)
                ? "Acme." + ns
                : ns;

        public static Gen<string> Domain() =>
            from count in Gen.Int[1, 3]
            from labels in Gen.OneOf(DomainLabels).Array[count]
            select string.Join(".", labels);

        public static Gen<string> Version() =>
            from major in Gen.Int[0, 20]
            from minor in Gen.Int[0, 20]
            from patch in Gen.Int[0, 20]
            from pre in Gen.OneOf("", "-beta.1", "-rc.2", "-alpha", "-0.3.7")
            from build in Gen.OneOf("", "", "+build.5", "+sha.abc123")
            select major + "." + minor + "." + patch + pre + build;

        public static Gen<string> ProtoPackage() =>
            from count in Gen.Int[1, 3]
            from words in Gen.OneOf("acme", "errors", "v1", "taxonomy", "billing_v2", "x").Array[count]
            select string.Join(".", words);

        /// <summary>A reason made unique by a letter suffix derived from <paramref name="salt"/>.</summary>
        public static string Unique(string reason, ISet<string> taken, int salt)
        {
            var candidate = reason;
            int n = salt;
            while (taken.Contains(candidate) || candidate == "UNSPECIFIED")
            {
                candidate = Limit(reason, 56) + "_" + Letters(n++);
            }

            return candidate;
        }

        /// <summary>A field name made unique by a letter suffix derived from <paramref name="salt"/>.</summary>
        public static string UniqueField(string name, ISet<string> taken, int salt)
        {
            var candidate = name;
            int n = salt;
            while (taken.Contains(candidate))
            {
                var suffix = Letters(n++);
                candidate = (name.Length + suffix.Length > 64 ? name.Substring(0, 64 - suffix.Length) : name) + char.ToUpperInvariant(suffix[0]) + suffix.Substring(1).ToLowerInvariant();
            }

            return candidate;
        }

        private static string Letters(int n)
        {
            var text = string.Empty;
            do
            {
                text = (char)('A' + (n % 26)) + text;
                n /= 26;
            }
            while (n > 0);
            return "Q" + text;
        }

        private static string Limit(string reason, int max)
        {
            if (reason.Length <= max)
            {
                return reason;
            }

            return reason.Substring(0, max).TrimEnd('_');
        }
    }
}
