using System;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Conventions
{
    /// <summary>
    /// The closed word lists of the taxonomy format, as the file spells them: retry policies, field types and
    /// transport failures. The validator accepts exactly these and the CLI prints them back (taxonomy.schema.json
    /// spells the same words for other languages).
    /// </summary>
    internal static class Vocabulary
    {
        /// <summary>Retry policies, indexed by <see cref="RetryKind"/>.</summary>
        public static readonly string[] RetryPolicies = { "never", "transient", "throttled", "reauthenticate" };

        /// <summary>Field types, indexed by <see cref="FieldKind"/> (whose values match ErrorSdk.FieldType).</summary>
        public static readonly string[] FieldTypes = { "string", "int", "bool", "duration", "uri" };

        /// <summary>Transport failures a kind can claim in <c>match.transport</c>.</summary>
        public static readonly string[] Transports = { "timeout", "unreachable", "undecodable", "redirect_limit", "limit_exceeded", "invalid_request", "tls" };

        /// <summary>The retry policy as the taxonomy spells it.</summary>
        public static string NameOf(RetryKind retry) => RetryPolicies[(int)retry];

        /// <summary>The field type as the taxonomy spells it.</summary>
        public static string NameOf(FieldKind type) => FieldTypes[(int)type];

        /// <summary>The retry policy a word names, or null.</summary>
        public static RetryKind? RetryPolicyOf(string word)
        {
            int index = Array.IndexOf(RetryPolicies, word);
            return index < 0 ? null : (RetryKind)index;
        }

        /// <summary>The field type a word names, or null.</summary>
        public static FieldKind? FieldTypeOf(string word)
        {
            int index = Array.IndexOf(FieldTypes, word);
            return index < 0 ? null : (FieldKind)index;
        }

        /// <summary>Whether a word is a transport failure of the format.</summary>
        public static bool IsTransport(string word) => Array.IndexOf(Transports, word) >= 0;
    }
}
