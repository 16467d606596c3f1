using System;
using System.Collections.Generic;
using System.Globalization;

namespace ErrorSdk.Http
{
    /// <summary>Finds the kind whose <c>match</c> claims an HTTP status or a transport failure.</summary>
    internal static class KindMatcher
    {
        /// <summary>
        /// The non-abstract kind whose <c>http_status</c> lists <paramref name="status"/> exactly, else the first
        /// whose class (<c>4xx</c>) contains it; null when none does. Kinds are tried in the taxonomy's order.
        /// </summary>
        public static KindInfo? ByStatus(IErrorTaxonomy taxonomy, int status)
        {
            var exact = status.ToString(CultureInfo.InvariantCulture);
            var statusClass = (status / 100).ToString(CultureInfo.InvariantCulture) + "xx";
            KindInfo? byClass = null;
            foreach (var kind in Concrete(taxonomy))
            {
                foreach (var match in kind.HttpStatusMatch)
                {
                    if (string.Equals(match, exact, StringComparison.Ordinal))
                    {
                        return kind;
                    }

                    if (byClass is null && string.Equals(match, statusClass, StringComparison.OrdinalIgnoreCase))
                    {
                        byClass = kind;
                    }
                }
            }

            return byClass;
        }

        /// <summary>The non-abstract kind whose <c>http_status</c> lists <paramref name="status"/> exactly (no class); null when none does.</summary>
        public static KindInfo? ByExactStatus(IErrorTaxonomy taxonomy, int status)
        {
            var exact = status.ToString(CultureInfo.InvariantCulture);
            foreach (var kind in Concrete(taxonomy))
            {
                foreach (var match in kind.HttpStatusMatch)
                {
                    if (string.Equals(match, exact, StringComparison.Ordinal))
                    {
                        return kind;
                    }
                }
            }

            return null;
        }

        /// <summary>The first non-abstract kind whose <c>transport</c> lists <paramref name="key"/>; null when none does.</summary>
        public static KindInfo? ByTransport(IErrorTaxonomy taxonomy, string key)
        {
            foreach (var kind in Concrete(taxonomy))
            {
                foreach (var match in kind.TransportMatch)
                {
                    if (string.Equals(match, key, StringComparison.Ordinal))
                    {
                        return kind;
                    }
                }
            }

            return null;
        }

        /// <summary>The kind named <paramref name="reason"/>, or null.</summary>
        public static KindInfo? ByReason(IErrorTaxonomy taxonomy, string? reason)
        {
            if (reason is null)
            {
                return null;
            }

            foreach (var kind in taxonomy.Kinds)
            {
                if (string.Equals(kind.Reason, reason, StringComparison.Ordinal))
                {
                    return kind;
                }
            }

            return null;
        }

        /// <summary>Only the entries of <paramref name="candidates"/> that <paramref name="kind"/> declares as fields.</summary>
        public static Dictionary<string, string> DeclaredFields(KindInfo kind, IEnumerable<KeyValuePair<string, string?>> candidates)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                if (candidate.Value is null)
                {
                    continue;
                }

                foreach (var field in kind.Fields)
                {
                    if (string.Equals(field.Name, candidate.Key, StringComparison.Ordinal))
                    {
                        fields[candidate.Key] = candidate.Value;
                        break;
                    }
                }
            }

            return fields;
        }

        private static IEnumerable<KindInfo> Concrete(IErrorTaxonomy taxonomy)
        {
            foreach (var kind in taxonomy.Kinds)
            {
                if (!kind.IsAbstract)
                {
                    yield return kind;
                }
            }
        }
    }
}
