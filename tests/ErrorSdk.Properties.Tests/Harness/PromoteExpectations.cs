using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Model;
using Google.Protobuf;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>
    /// What invariant 5 demands of one promoted status, for any taxonomy: <see cref="ExpectTotal"/> for every status,
    /// <see cref="ExpectRouted"/> also for statuses whose details all decode. Shared by the random taxonomies'
    /// property and the default taxonomy's tests.
    /// </summary>
    internal sealed class PromoteExpectations
    {
        private readonly ResolvedTaxonomy _taxonomy;
        private readonly Func<ResolvedKind, Type> _exceptionType;
        private readonly Func<TaxonomyException, FieldModel, object?> _property;

        public PromoteExpectations(ResolvedTaxonomy taxonomy, Func<ResolvedKind, Type> exceptionType, Func<TaxonomyException, FieldModel, object?> property)
        {
            _taxonomy = taxonomy;
            _exceptionType = exceptionType;
            _property = property;
        }

        /// <summary>
        /// Promotes the case's status directly, from its bytes and from its gRPC trailers, with each promoter, and
        /// checks every result.
        /// </summary>
        public void Check(StatusCase statusCase, params (string Name, Func<Google.Rpc.Status, TaxonomyException> Promote)[] promoters)
        {
            var status = statusCase.Status;
            var paths = new (string Name, Google.Rpc.Status Status)[]
            {
                ("Status", status),
                ("Status bytes", Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray())),
                ("gRPC trailers", GrpcWire.FromTrailers(GrpcWire.ToTrailers(status)) ?? throw new InvalidOperationException("no status from trailers")),
            };
            foreach (var (path, received) in paths)
            {
                foreach (var (name, promote) in promoters)
                {
                    var where = statusCase + " via " + path + ", " + name;
                    var promoted = Promote(() => promote(received), where);
                    ExpectTotal(received, promoted, where);
                    if (statusCase.WellFormed)
                    {
                        ExpectRouted(received, promoted, where);
                    }
                }
            }
        }

        /// <summary>Promote itself neither throws nor returns null.</summary>
        public static TaxonomyException Promote(Func<TaxonomyException> promote, string where)
        {
            try
            {
                return promote() ?? throw new Xunit.Sdk.XunitException(where + ": Promote returned null");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException(where + ": Promote threw " + e, e);
            }
        }

        /// <summary>Kept: the status (same or equal) and its message; and every public member reads without throwing.</summary>
        public static void ExpectTotal(Google.Rpc.Status? received, TaxonomyException promoted, string where)
        {
            if (received is not null)
            {
                Expect.True(ReferenceEquals(received, promoted.ReceivedStatus) || received.Equals(promoted.ReceivedStatus), where + ": ReceivedStatus is the status");
                Expect.Equal(received.Message, promoted.Message, where + ": Message is the one that arrived");
            }

            foreach (var property in promoted.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                try
                {
                    property.GetValue(promoted);
                }
                catch (TargetInvocationException e)
                {
                    throw new Xunit.Sdk.XunitException(where + ": reading " + property.Name + " threw " + e.InnerException, e);
                }
            }

            try
            {
                _ = promoted.ToString();
                _ = promoted.ToStatus().ToByteArray();
                _ = promoted.Metadata.Count;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(where + ": ToString/ToStatus/Metadata threw " + e, e);
            }
        }

        /// <summary>Where a status whose details all decode must go, and what it must carry.</summary>
        public void ExpectRouted(Google.Rpc.Status received, TaxonomyException promoted, string where)
        {
            var (info, own) = ReadErrorInfo(received, _taxonomy.Model.Domain);
            var route = _taxonomy.ExpectedRoute(own ? info!.Reason : null, received.Code);
            var expectedType = route is null ? typeof(UnclassifiedException) : _exceptionType(route);
            Expect.Equal(expectedType, promoted.GetType(), where + ": routed to");

            var metadata = info?.Metadata.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>();
            Expect.SameMetadata(metadata, promoted.Metadata, where + ": every metadata entry that arrived");
            Expect.Equal(RetryDelay(received), promoted.RetryAfter, where + ": RetryAfter is the first RetryInfo's delay");
            if (route is null)
            {
                Expect.Equal(received.Code, (int)promoted.Code, where + ": UnclassifiedException keeps the code");
                return;
            }

            Expect.Equal(route.Reason, promoted.Reason, where + ": Reason of the routed kind");
            foreach (var field in route.WireFields)
            {
                if (metadata.TryGetValue(field.Name, out var raw) && Canonical(field.Type, raw) is { } expected)
                {
                    Expect.SameValue(expected, _property(promoted, field), where + ": " + field.PropertyName + " parsed from \"" + raw + "\"");
                }
            }
        }

        /// <summary>
        /// docs/design.md routing reads the first ErrorInfo of the taxonomy's domain whose reason is known; without one, the
        /// first of the domain (its metadata is kept, the code routes); the runtime keeps the first foreign one otherwise.
        /// </summary>
        private (Google.Rpc.ErrorInfo? Info, bool Own) ReadErrorInfo(Google.Rpc.Status status, string domain)
        {
            Google.Rpc.ErrorInfo? firstOwn = null;
            Google.Rpc.ErrorInfo? first = null;
            foreach (var detail in status.Details.Where(d => TypeName(d.TypeUrl) == Google.Rpc.ErrorInfo.Descriptor.FullName))
            {
                var info = Google.Rpc.ErrorInfo.Parser.ParseFrom(detail.Value);
                if (info.Domain == domain)
                {
                    if (_taxonomy.IsKnownReason(info.Reason, status.Code))
                    {
                        return (info, true);
                    }

                    firstOwn ??= info;
                }

                first ??= info;
            }

            return firstOwn is not null ? (firstOwn, true) : (first, false);
        }

        private static TimeSpan? RetryDelay(Google.Rpc.Status status)
        {
            var detail = status.Details.FirstOrDefault(d => TypeName(d.TypeUrl) == Google.Rpc.RetryInfo.Descriptor.FullName);
            return detail is null ? null : Google.Rpc.RetryInfo.Parser.ParseFrom(detail.Value).RetryDelay?.ToTimeSpan();
        }

        private static string TypeName(string typeUrl) => typeUrl.Substring(typeUrl.LastIndexOf('/') + 1);

        /// <summary>
        /// The typed value of a metadata string written in the one canonical form docs/design.md gives (invariant decimal,
        /// true/false, protobuf JSON duration, sanitized absolute uri); null for anything else, whose parse is left
        /// to the implementation (it only must not throw).
        /// </summary>
        private static object? Canonical(FieldType type, string raw)
        {
            switch (type)
            {
                case FieldType.String:
                    return raw;
                case FieldType.Int:
                    return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) && i.ToString(CultureInfo.InvariantCulture) == raw ? i : null;
                case FieldType.Bool:
                    return raw == "true" ? true : raw == "false" ? false : null;
                case FieldType.Duration:
                    return FieldCodec.ParseDuration(raw) is { } d && FieldValues.FormatDuration(d) == raw ? d : null;
                default:
                    if (raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    {
                        return Uri.TryCreate(raw, UriKind.Absolute, out var uri) && FieldCodec.FormatUri(uri) == raw ? uri : null;
                    }

                    // A rooted or dot-led path of plain segments is a relative reference in canonical form.
                    bool plainPath = (raw.StartsWith("/", StringComparison.Ordinal) || raw.StartsWith("../", StringComparison.Ordinal)) &&
                                     raw.All(c => char.IsAsciiLetterOrDigit(c) || "/-._~".Contains(c, StringComparison.Ordinal));
                    return plainPath ? new Uri(raw, UriKind.Relative) : null;
            }
        }
    }
}
