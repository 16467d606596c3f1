using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 5: Promote is total. Any status — random codes (out of range too), random bytes in details, unknown
    /// <c>Any</c> types, unknown, abstract and alias reasons, foreign domains, missing or unparsable field values,
    /// 1,000 metadata entries — gives a <see cref="TaxonomyException"/> that keeps the raw status and the message,
    /// never an exception, and every member of it can be read. For statuses whose details all decode, the routing
    /// (reason → alias → fallback → UnclassifiedException), the metadata, the retry delay and the parsed fields are
    /// also exactly what DESIGN.md says.
    /// </summary>
    public sealed class PromoteProperties
    {
        [Fact]
        public void Promote_never_throws_and_keeps_the_status_and_every_metadata_entry()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from statuses in Gen.ListOf(RandomStatus.For(new ResolvedTaxonomy(model)), PropertyBudget.PromoteStatusCases)
                select new TaxonomyCase<IReadOnlyList<StatusCase>>(model, layout, statuses);

            PropertyCheck.ForAll(cases, PropertyBudget.PromoteTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                ExpectTotal(null, compiled.StaticPromote(null!), "static Promote(null)");
                foreach (var statusCase in c.Values)
                {
                    var status = statusCase.Status;
                    var paths = new (string Name, Google.Rpc.Status Status)[]
                    {
                        ("Status", status),
                        ("Status bytes", Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray())),
                        ("gRPC trailers", GrpcWire.FromTrailers(GrpcWire.ToTrailers(status)) ?? throw new InvalidOperationException("no status from trailers")),
                    };
                    foreach (var (name, received) in paths)
                    {
                        var where = statusCase + " via " + name;
                        var viaInterface = Promote(() => compiled.Instance.Promote(received), where + ", IErrorTaxonomy.Promote");
                        var viaStatic = Promote(() => compiled.StaticPromote(received), where + ", static Promote");
                        foreach (var promoted in new[] { viaInterface, viaStatic })
                        {
                            ExpectTotal(received, promoted, where);
                            if (statusCase.WellFormed)
                            {
                                ExpectRouted(compiled, received, promoted, where);
                            }
                        }
                    }
                }
            });
        }

        private static TaxonomyException Promote(Func<TaxonomyException> promote, string where)
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

        /// <summary>Kept: the status (same or equal), its message; and every public member reads without throwing.</summary>
        private static void ExpectTotal(Google.Rpc.Status? received, TaxonomyException promoted, string where)
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
        private static void ExpectRouted(CompiledTaxonomy compiled, Google.Rpc.Status received, TaxonomyException promoted, string where)
        {
            var taxonomy = compiled.Expected;
            var (info, own) = ReadErrorInfo(received, taxonomy.Model.Domain);
            var route = taxonomy.ExpectedRoute(own ? info!.Type : null, received.Code); // CommonProtos 2.0.0: field 1 'type' is the reason
            var expectedType = route is null ? typeof(UnclassifiedException) : compiled.ExceptionType(route);
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
                    Expect.SameValue(expected, CompiledTaxonomy.Property(promoted, field), where + ": " + field.PropertyName + " parsed from \"" + raw + "\"");
                }
            }
        }

        /// <summary>DESIGN.md routing reads the first ErrorInfo of the taxonomy's domain; the runtime keeps the first foreign one otherwise.</summary>
        private static (Google.Rpc.ErrorInfo? Info, bool Own) ReadErrorInfo(Google.Rpc.Status status, string domain)
        {
            Google.Rpc.ErrorInfo? first = null;
            foreach (var detail in status.Details.Where(d => TypeName(d.TypeUrl) == Google.Rpc.ErrorInfo.Descriptor.FullName))
            {
                var info = Google.Rpc.ErrorInfo.Parser.ParseFrom(detail.Value);
                if (info.Domain == domain)
                {
                    return (info, true);
                }

                first ??= info;
            }

            return (first, false);
        }

        private static TimeSpan? RetryDelay(Google.Rpc.Status status)
        {
            var detail = status.Details.FirstOrDefault(d => TypeName(d.TypeUrl) == Google.Rpc.RetryInfo.Descriptor.FullName);
            return detail is null ? null : Google.Rpc.RetryInfo.Parser.ParseFrom(detail.Value).RetryDelay?.ToTimeSpan();
        }

        private static string TypeName(string typeUrl) => typeUrl.Substring(typeUrl.LastIndexOf('/') + 1);

        /// <summary>
        /// The typed value of a metadata string written in the one canonical form DESIGN.md gives (invariant decimal,
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
                    return Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") && FieldCodec.FormatUri(uri) == raw ? uri : null;
            }
        }
    }
}
