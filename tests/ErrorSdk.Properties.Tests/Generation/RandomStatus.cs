using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// A received status for Promote. <see cref="WellFormed"/> ones carry only details that decode (ErrorInfo,
    /// RetryInfo, DebugInfo, unknown types with any bytes), so the routing and what is read can be predicted;
    /// the others also carry undecodable bytes under known type names, bad delays and odd type URLs.
    /// </summary>
    internal sealed record StatusCase(Google.Rpc.Status Status, bool WellFormed, string Description)
    {
        public override string ToString() => Description;
    }

    /// <summary>Random statuses aimed at one taxonomy: its reasons, abstract reasons, alias pairs, its domain and foreign ones.</summary>
    internal static class RandomStatus
    {
        public const string ErrorInfoUrl = "type.googleapis.com/google.rpc.ErrorInfo";

        public const string RetryInfoUrl = "type.googleapis.com/google.rpc.RetryInfo";

        public const string DebugInfoUrl = "type.googleapis.com/google.rpc.DebugInfo";

        private static readonly string[] UnknownTypeUrls =
        {
            "type.googleapis.com/google.rpc.LocalizedMessage", "type.googleapis.com/acme.v1.Custom", "example.com/x.Y",
            "type.googleapis.com/", "no-slash-at-all", string.Empty, "type.googleapis.com/google.rpc.ErrorInfo.Extra",
        };

        private static readonly string[] KnownTypeUrls = { ErrorInfoUrl, RetryInfoUrl, DebugInfoUrl, "other.prefix/google.rpc.ErrorInfo" };

        public static Gen<StatusCase> For(ResolvedTaxonomy taxonomy) =>
            from wellFormed in Gens.Chance(70)
            from code in Gen.Frequency((8, Gen.Int[0, 16]), (1, Gen.OneOf(-1, 17, 100, int.MinValue, int.MaxValue)))
            from message in Texts.Value()
            from count in Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, 3]), (1, Gen.Int[4, 6]))
            from details in (wellFormed ? Detail(taxonomy) : Gen.Frequency((3, Detail(taxonomy)), (2, Garbage()))).Array[count]
            from alias in AliasLead(taxonomy)
            select alias is { } lead
                ? Build(lead.Code, message, details.Prepend(lead.Detail).ToList(), wellFormed)
                : Build(code, message, details, wellFormed);

        /// <summary>A quarter of the time (when the taxonomy has aliases): an own-domain ErrorInfo and the code of an alias pair.</summary>
        private static Gen<(int Code, (Any, string) Detail)?> AliasLead(ResolvedTaxonomy taxonomy)
        {
            var pairs = taxonomy.Kinds.SelectMany(k => k.Model.Aliases).ToArray();
            if (pairs.Length == 0)
            {
                return Gen.Const(default((int, (Any, string))?));
            }

            return from yes in Gens.Chance(25)
                   from pair in Gen.OneOf(pairs)
                   from metadata in Metadata(taxonomy, pair.Reason)
                   select yes
                       ? (GrpcCodes.ValueOf(pair.Code), (Any.Pack(NewErrorInfo(pair.Reason, taxonomy.Model.Domain, metadata)), "alias ErrorInfo(" + pair.Reason + ", " + pair.Code + ")"))
                       : ((int, (Any, string))?)null;
        }

        private static StatusCase Build(int code, string message, IReadOnlyList<(Any Any, string Text)> details, bool wellFormed)
        {
            var status = new Google.Rpc.Status { Code = code, Message = message };
            status.Details.Add(details.Select(d => d.Any));
            var description = (wellFormed ? "well-formed" : "with undecodable details") + " status code=" + code.ToString(CultureInfo.InvariantCulture) +
                              " details=[" + string.Join("; ", details.Select(d => d.Text)) + "]";
            return new StatusCase(status, wellFormed, description);
        }

        private static Gen<(Any, string)> Detail(ResolvedTaxonomy taxonomy) =>
            Gen.Frequency(
                (6, ErrorInfo(taxonomy)),
                (2, RetryInfo()),
                (1, Texts.Value().Select(d => (Any.Pack(new Google.Rpc.DebugInfo { Detail = d }), "DebugInfo"))),
                (1, from url in Gen.OneOf(UnknownTypeUrls)
                    from bytes in Bytes()
                    select (new Any { TypeUrl = url, Value = ByteString.CopyFrom(bytes) }, "unknown Any " + url)));

        private static Gen<(Any, string)> ErrorInfo(ResolvedTaxonomy taxonomy)
        {
            var concrete = taxonomy.Concrete.Select(k => k.Reason).ToArray();
            var abstracts = taxonomy.Kinds.Where(k => k.Model.IsAbstract).Select(k => k.Reason).ToArray();
            var aliases = taxonomy.Kinds.SelectMany(k => k.Model.Aliases).Select(a => a.Reason).ToArray();
            var reasons = new List<(int, IGen<string>)>
            {
                (2, Gen.OneOf("NOT_A_REASON_OF_THIS_TAXONOMY", string.Empty, "lower_case", "UNSPECIFIED", "Unspecified")),
                (1, Texts.Value()),
            };
            if (concrete.Length > 0)
            {
                reasons.Add((8, Gen.OneOf(concrete)));
            }

            if (abstracts.Length > 0)
            {
                reasons.Add((2, Gen.OneOf(abstracts)));
            }

            if (aliases.Length > 0)
            {
                reasons.Add((2, Gen.OneOf(aliases)));
            }

            var domain = taxonomy.Model.Domain;
            return from reason in Gen.Frequency(reasons.ToArray())
                   from infoDomain in Gen.Frequency((7, Gen.Const(domain)), (2, Gen.OneOf("other.example", string.Empty, domain.ToUpperInvariant() + ".x", domain + "."))) 
                   from metadata in Metadata(taxonomy, reason)
                   let info = NewErrorInfo(reason, infoDomain, metadata)
                   select (Any.Pack(info), "ErrorInfo(" + reason + ", " + infoDomain + ", " + metadata.Count.ToString(CultureInfo.InvariantCulture) + " entries)");
        }

        private static Google.Rpc.ErrorInfo NewErrorInfo(string reason, string domain, IReadOnlyDictionary<string, string> metadata)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = reason, Domain = domain };
            foreach (var pair in metadata)
            {
                info.Metadata.Add(pair.Key, pair.Value);
            }

            return info;
        }

        /// <summary>The fields of the reason's kind, each valid, unparsable or missing; extra keys; sometimes 1,000 entries.</summary>
        private static Gen<IReadOnlyDictionary<string, string>> Metadata(ResolvedTaxonomy taxonomy, string reason)
        {
            var fields = taxonomy.TryGet(reason, out var kind) ? kind.AllFields : taxonomy.Kinds.SelectMany(k => k.Model.Fields).Take(4).ToList();
            return from values in Gens.Each(fields, field => Gen.Frequency(
                       (5, FieldValues.Value(field).Select(v => (string?)v.Wire)),
                       (3, Unparsable(field.Type)),
                       (2, Gen.Const(default(string?)))))
                   from extra in Gens.SizedList(Gen.Select(Gen.OneOf("extra", "x-trace", "Provider", "k"), Texts.Value()))
                   from huge in Gens.Chance(5)
                   select (IReadOnlyDictionary<string, string>)Combine(fields, values, extra, huge);
        }

        private static Dictionary<string, string> Combine(IReadOnlyList<FieldModel> fields, string?[] values, IEnumerable<(string, string)> extra, bool huge)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in extra.Take(5))
            {
                metadata[key] = value;
            }

            for (int i = 0; i < fields.Count; i++)
            {
                if (values[i] is { } value)
                {
                    metadata[fields[i].Name] = value;
                }
            }

            for (int i = 0; huge && i < 1000; i++)
            {
                metadata["entry" + i.ToString(CultureInfo.InvariantCulture)] = "value " + i.ToString(CultureInfo.InvariantCulture);
            }

            return metadata;
        }

        private static Gen<string?> Unparsable(FieldType type) => type switch
        {
            FieldType.Int => Gen.OneOf<string?>("abc", "1.5", "99999999999", " 12", "0x10", string.Empty, "+-1", "١٢"),
            FieldType.Bool => Gen.OneOf<string?>("yes", "1", "0", string.Empty, "tru", "false "),
            FieldType.Duration => Gen.OneOf<string?>("1.5", "s", "-s", "1.s", "1.1234567890s", "99999999999999999999s", "PT1S", string.Empty, "1e3s"),
            FieldType.Uri => Gen.OneOf<string?>("not a uri", "a path/with spaces", "://missing", string.Empty, "http://", "mailto:"),
            _ => Texts.Value().Select(s => (string?)s),
        };

        private static Gen<(Any, string)> RetryInfo() =>
            from delay in FieldValues.RetryAfter()
            select (Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay ?? TimeSpan.Zero) }), "RetryInfo(" + (delay ?? TimeSpan.Zero).Ticks.ToString(CultureInfo.InvariantCulture) + " ticks)");

        /// <summary>Undecodable or out-of-range details under known type names.</summary>
        private static Gen<(Any, string)> Garbage() =>
            Gen.Frequency(
                (3, from url in Gen.OneOf(KnownTypeUrls)
                    from bytes in Bytes()
                    select (new Any { TypeUrl = url, Value = ByteString.CopyFrom(bytes) }, "random bytes as " + url)),
                (1, from seconds in Gen.OneOf(-1L, Duration.MaxSeconds + 1, long.MaxValue, long.MinValue)
                    from nanos in Gen.OneOf(0, -1, 1_000_000_000, int.MaxValue)
                    select (Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = seconds, Nanos = nanos } }), "RetryInfo(" + seconds + "s " + nanos + "ns)")),
                (1, Gen.Const((new Any { TypeUrl = ErrorInfoUrl, Value = ByteString.CopyFrom(0x0A, 0x05, 0x41) }, "truncated ErrorInfo"))),
                (1, Gen.Const((new Any { TypeUrl = ErrorInfoUrl, Value = ByteString.CopyFrom(0x0A, 0x02, 0xC3, 0x28) }, "ErrorInfo with invalid UTF-8"))));

        private static Gen<byte[]> Bytes() =>
            Gens.SizedList(Gen.Int[0, 255].Select(b => (byte)b)).Select(b => b.Take(64).ToArray());
    }
}
