// Shared source: compiled into the generator (with the rest of ErrorSdk.Generator.Core) and into ErrorSdk.Runtime,
// so the generator's build-time tables and the runtime's tables are one table.
namespace ErrorSdk.Generator.Conventions
{
    /// <summary>The gRPC status codes, their canonical names and their HTTP statuses (google/rpc/code.proto).</summary>
    internal static class GrpcCodeTable
    {
        /// <summary>Canonical names indexed by code value (0..16).</summary>
        public static readonly string[] Names =
        {
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
            "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
            "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        };

        private static readonly int[] HttpStatuses =
        {
            200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401,
        };

        /// <summary>The code's value for a canonical name, or -1.</summary>
        public static int ValueOf(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The HTTP status of a code by the google.rpc.Code table; 500 for values outside it.</summary>
        public static int HttpStatusOf(int code) => code >= 0 && code < HttpStatuses.Length ? HttpStatuses[code] : 500;

        /// <summary>The canonical name, or the decimal value for a code outside the table.</summary>
        public static string NameOf(int code) => code >= 0 && code < Names.Length ? Names[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Codes that a code-only caller must be able to classify as "do not retry" (AIP-194): a transient
        /// or throttled kind may not carry them.
        /// </summary>
        public static bool IsClientErrorCode(int code) =>
            code == 3 || code == 9 || code == 7 || code == 5 || code == 6 || code == 11 || code == 12;

        /// <summary>The one code generic clients retry: a never-retried kind may not carry it.</summary>
        public const int Unavailable = 14;
    }
}
