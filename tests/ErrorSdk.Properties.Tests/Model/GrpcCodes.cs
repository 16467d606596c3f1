using System.Collections.Generic;
using System.Linq;

namespace ErrorSdk.Properties.Tests.Model
{
    /// <summary>
    /// The google.rpc.Code facts the tests expect, written out independently of the runtime's and the generator's
    /// own tables so that a wrong table there cannot agree with itself.
    /// </summary>
    internal static class GrpcCodes
    {
        /// <summary>Every error code name (OK excluded) with its value and its default HTTP status (docs/design.md).</summary>
        public static readonly IReadOnlyList<(string Name, int Value, int Http)> Errors = new[]
        {
            ("CANCELLED", 1, 499),
            ("UNKNOWN", 2, 500),
            ("INVALID_ARGUMENT", 3, 400),
            ("DEADLINE_EXCEEDED", 4, 504),
            ("NOT_FOUND", 5, 404),
            ("ALREADY_EXISTS", 6, 409),
            ("PERMISSION_DENIED", 7, 403),
            ("RESOURCE_EXHAUSTED", 8, 429),
            ("FAILED_PRECONDITION", 9, 400),
            ("ABORTED", 10, 409),
            ("OUT_OF_RANGE", 11, 400),
            ("UNIMPLEMENTED", 12, 501),
            ("INTERNAL", 13, 500),
            ("UNAVAILABLE", 14, 503),
            ("DATA_LOSS", 15, 500),
            ("UNAUTHENTICATED", 16, 401),
        };

        /// <summary>The codes a code-only caller treats as final: a transient or throttled kind may not carry them (invariant 3).</summary>
        public static readonly IReadOnlyList<string> ClientErrors = new[]
        {
            "INVALID_ARGUMENT", "FAILED_PRECONDITION", "PERMISSION_DENIED", "NOT_FOUND", "ALREADY_EXISTS", "OUT_OF_RANGE", "UNIMPLEMENTED",
        };

        /// <summary>The one code generic clients retry: a never kind may not carry it (invariant 3).</summary>
        public const string Unavailable = "UNAVAILABLE";

        public static IEnumerable<string> Names => Errors.Select(e => e.Name);

        public static int ValueOf(string name) => Errors.First(e => e.Name == name).Value;

        public static int HttpOf(string name) => Errors.First(e => e.Name == name).Http;

        /// <summary>Whether (code, retry) satisfies invariant 3.</summary>
        public static bool IsConsistent(string code, RetryPolicy retry) => retry switch
        {
            RetryPolicy.Never => code != Unavailable,
            RetryPolicy.Transient or RetryPolicy.Throttled => !ClientErrors.Contains(code),
            _ => true,
        };

        /// <summary>The codes a kind with <paramref name="retry"/> may carry.</summary>
        public static IReadOnlyList<string> AllowedFor(RetryPolicy retry) => Names.Where(n => IsConsistent(n, retry)).ToList();

        /// <summary>The codes a kind with <paramref name="retry"/> may not carry.</summary>
        public static IReadOnlyList<string> ForbiddenFor(RetryPolicy retry) => Names.Where(n => !IsConsistent(n, retry)).ToList();

        /// <summary>The taxonomy spelling of a retry policy.</summary>
        public static string RetryName(RetryPolicy retry) => retry switch
        {
            RetryPolicy.Never => "never",
            RetryPolicy.Transient => "transient",
            RetryPolicy.Throttled => "throttled",
            _ => "reauthenticate",
        };

        /// <summary>The taxonomy spelling of a field type.</summary>
        public static string FieldTypeName(FieldType type) => type switch
        {
            FieldType.String => "string",
            FieldType.Int => "int",
            FieldType.Bool => "bool",
            FieldType.Duration => "duration",
            _ => "uri",
        };
    }
}
