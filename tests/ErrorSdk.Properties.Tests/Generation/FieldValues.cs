using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// One field's value: <see cref="Typed"/> for the constructor (string, int, bool, TimeSpan or Uri),
    /// <see cref="Text"/> for <c>IErrorTaxonomy.Create</c> (the metadata string form; a uri as written, unsanitized)
    /// and the <see cref="Secrets"/> it carries that must never reach a message or the wire.
    /// </summary>
    internal sealed record FieldValue(FieldModel Field, object Typed, string Text, IReadOnlyList<string> Secrets)
    {
        /// <summary>The metadata string the error must carry: the value formatted per docs/design.md (a uri sanitized).</summary>
        public string Wire => Typed is Uri uri ? FieldCodec.FormatUri(uri) : Text;

        /// <summary>What the generated property must hold: the value itself, a uri sanitized.</summary>
        public object Property => Typed is Uri uri ? ErrorSdk.Safety.UriSanitizer.Sanitize(uri) : Typed;

        public override string ToString() => Field.Name + " = " + Text;
    }

    /// <summary>Field values of one kind plus the options of the error: a value case of a property.</summary>
    internal sealed record KindValues(
        ResolvedKind Kind,
        IReadOnlyList<FieldValue> Values,
        TimeSpan? RetryAfter,
        string? DeveloperMessage,
        string? DeveloperSecret,
        bool ViaCreate)
    {
        public FieldValue? ValueOf(FieldModel field) => Values.FirstOrDefault(v => v.Field.Name == field.Name);

        /// <summary>Every secret: sensitive values, uri userinfo/query/fragment, the developer message's token.</summary>
        public IEnumerable<string> Secrets => Values.SelectMany(v => v.Secrets).Concat(DeveloperSecret is null ? Array.Empty<string>() : new[] { DeveloperSecret });

        public override string ToString() =>
            Kind.Reason + (ViaCreate ? " via Create" : " via constructor") + " { " + string.Join(", ", Values) + " } retryAfter=" +
            (RetryAfter?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "null") + " ticks";
    }

    /// <summary>Generators of field values (docs/design.md types) and of whole value cases.</summary>
    internal static class FieldValues
    {
        /// <summary>The largest delay a RetryInfo (google.protobuf.Duration) can carry: 10,000 years.</summary>
        public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(315_576_000_000L);

        /// <summary>Values for every field of <paramref name="kind"/> (optional ones present 60% of the time) and options.</summary>
        public static Gen<KindValues> For(ResolvedKind kind) =>
            from values in Gens.Each(kind.AllFields, field => Optional(field))
            from retryAfter in RetryAfter()
            from developerSecret in Secret("DEVSECRET")
            from hasDeveloperMessage in Gens.Chance(50)
            from viaCreate in Gens.Chance(50)
            select new KindValues(
                kind,
                values.Where(v => v is not null).Select(v => v!).ToList(),
                retryAfter,
                hasDeveloperMessage ? "Upstream said: token=" + developerSecret + " at https://user:" + developerSecret + "@example.com/x?key=" + developerSecret : null,
                hasDeveloperMessage ? developerSecret : null,
                viaCreate);

        /// <summary>Null, zero, one tick, sub-second, ordinary and the largest delays a RetryInfo carries.</summary>
        public static Gen<TimeSpan?> RetryAfter() =>
            Gen.Frequency(
                (3, Gen.Const(default(TimeSpan?))),
                (1, Gen.OneOf<TimeSpan?>(TimeSpan.Zero, TimeSpan.FromTicks(1), MaxRetryDelay, TimeSpan.FromMilliseconds(1500))),
                (4, Gen.Int[0, int.MaxValue].Select(t => (TimeSpan?)TimeSpan.FromTicks(t))),
                (2, Gens.Int64().Select(t => (TimeSpan?)TimeSpan.FromTicks(Math.Abs(t % MaxRetryDelay.Ticks)))));

        /// <summary>A distinctive token that cannot occur by chance in other values.</summary>
        public static Gen<string> Secret(string prefix) =>
            from a in Gen.Int[0, int.MaxValue]
            from b in Gen.Int[0, int.MaxValue]
            select prefix + a.ToString("x8", CultureInfo.InvariantCulture) + b.ToString("x8", CultureInfo.InvariantCulture);

        private static Gen<FieldValue?> Optional(FieldModel field) =>
            field.Optional
                ? Gens.Chance(60).SelectMany(present => present ? Value(field).Select(v => (FieldValue?)v) : Gen.Const(default(FieldValue?)))
                : Value(field).Select(v => (FieldValue?)v);

        public static Gen<FieldValue> Value(FieldModel field) => field.Type switch
        {
            FieldType.String => field.Sensitive
                ? from prefix in Texts.Value()
                  from secret in Secret("SENSITIVE")
                  from suffix in Texts.Value()
                  select new FieldValue(field, prefix + secret + suffix, prefix + secret + suffix, new[] { secret })
                : Texts.Value().Select(s => new FieldValue(field, s, s, Array.Empty<string>())),
            FieldType.Int => Gens.Int32().Select(i => new FieldValue(field, i, i.ToString(CultureInfo.InvariantCulture), Array.Empty<string>())),
            FieldType.Bool => Gen.OneOf(true, false).Select(b => new FieldValue(field, b, b ? "true" : "false", Array.Empty<string>())),
            FieldType.Duration => Duration().Select(d => new FieldValue(field, d, FormatDuration(d), Array.Empty<string>())),
            _ => Uri(field),
        };

        /// <summary>
        /// The range of duration values the properties draw from: all of TimeSpan but its last second at either end.
        /// Those two seconds (TimeSpan.MaxValue, TimeSpan.MinValue) are pinned by
        /// <c>KnownEdgeCases.Duration_fields_round_trip_at_the_ends_of_TimeSpan</c> instead, so a bug
        /// there fails one named test rather than masking every property that draws durations.
        /// </summary>
        public static readonly TimeSpan MaxDuration = TimeSpan.MaxValue - TimeSpan.FromSeconds(1);

        /// <summary>Any TimeSpan up to <see cref="MaxDuration"/> either way, tick precision: zero, small, negative, sub-second, huge.</summary>
        public static Gen<TimeSpan> Duration() =>
            Gen.Frequency(
                (1, Gen.OneOf(TimeSpan.Zero, TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1), MaxDuration, -MaxDuration, TimeSpan.FromSeconds(1.5))),
                (4, Gen.Int[-100_000_000, 100_000_000].Select(t => TimeSpan.FromTicks(t))),
                (3, Gens.Int64().Select(t => TimeSpan.FromTicks(t % MaxDuration.Ticks))));

        /// <summary>
        /// Protobuf JSON duration text, written independently of the runtime's codec: seconds, then up to nine
        /// fractional digits without trailing zeros, then <c>s</c>.
        /// </summary>
        public static string FormatDuration(TimeSpan value)
        {
            var ticks = (decimal)value.Ticks;
            var sign = ticks < 0 ? "-" : string.Empty;
            ticks = Math.Abs(ticks);
            var seconds = decimal.Truncate(ticks / TimeSpan.TicksPerSecond);
            var nanos = (ticks - (seconds * TimeSpan.TicksPerSecond)) * 100;
            var text = sign + seconds.ToString(CultureInfo.InvariantCulture);
            if (nanos != 0)
            {
                text += "." + nanos.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
            }

            return text + "s";
        }

        /// <summary>
        /// An absolute http(s) URI (4 in 5) or a relative reference. The absolute one sometimes has userinfo, a port, escaped or non-ASCII path segments, a query and
        /// a fragment. Userinfo, query and fragment carry secrets: sanitization must drop them everywhere.
        /// </summary>
        private static Gen<FieldValue> Uri(FieldModel field) =>
            Gen.Frequency((4, AbsoluteUri(field)), (1, RelativeUri(field)));

        /// <summary>
        /// A well-formed relative reference (rooted, relative or dot-segment path), sometimes with a query and a fragment
        /// that carry secrets: it must keep its path and come back relative (not as <c>file:///…</c>).
        /// </summary>
        private static Gen<FieldValue> RelativeUri(FieldModel field) =>
            from prefix in Gen.OneOf("/", string.Empty, "../", "./")
            from segments in Gens.NonEmptySizedList(Gen.OneOf("v1", "items", "a%20b", "%7E", "caf%C3%A9", "x;y", "~user", "UPPER", "a+b", "a-b_c.d"))
            from querySecret in Secret("QUERYSECRET")
            from hasQuery in Gens.Chance(50)
            from fragmentSecret in Secret("FRAGSECRET")
            from hasFragment in Gens.Chance(30)
            let text = prefix + string.Join("/", segments.Take(4)) + (hasQuery ? "?q=1&token=" + querySecret : string.Empty) +
                       (hasFragment ? "#" + fragmentSecret : string.Empty)
            let secrets = new[] { hasQuery ? querySecret : null, hasFragment ? fragmentSecret : null }
            select new FieldValue(field, new Uri(text, UriKind.Relative), text, secrets.Where(s => s is not null).Select(s => s!).ToArray());

        private static Gen<FieldValue> AbsoluteUri(FieldModel field) =>
            from scheme in Gen.OneOf("http", "https", "HTTPS")
            from user in Secret("USERSECRET")
            from password in Secret("PWSECRET")
            from userinfo in Gen.OneOf(0, 1, 2)
            from host in Gen.OneOf("example.com", "api.example.com", "localhost", "127.0.0.1", "[::1]", "[2001:db8::7]", "xn--bcher-kva.example", "bücher.example", "a-b.c-d.io")
            from port in Gen.Frequency((3, Gen.Const(string.Empty)), (1, Gen.Int[1, 65535].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture))))
            from segments in Gens.SizedList(Gen.OneOf("v1", "items", "a%20b", "%7E", "caf%C3%A9", "café", "x;y", "~user", "..", ".", "UPPER", "a+b", "%2F", "@", ":"))
            from trailingSlash in Gens.Chance(30)
            from querySecret in Secret("QUERYSECRET")
            from hasQuery in Gens.Chance(50)
            from fragmentSecret in Secret("FRAGSECRET")
            from hasFragment in Gens.Chance(30)
            let info = userinfo == 0 ? string.Empty : userinfo == 1 ? user + "@" : user + ":" + password + "@"
            let path = (segments.Count == 0 ? string.Empty : "/" + string.Join("/", segments.Take(4))) + (trailingSlash ? "/" : string.Empty)
            let query = hasQuery ? "?q=1&token=" + querySecret : string.Empty
            let fragment = hasFragment ? "#" + fragmentSecret : string.Empty
            let text = scheme + "://" + info + host + port + path + query + fragment
            let secrets = new[] { userinfo > 0 ? user : null, userinfo > 1 ? password : null, hasQuery ? querySecret : null, hasFragment ? fragmentSecret : null }
            select new FieldValue(field, new Uri(text, UriKind.Absolute), text, secrets.Where(s => s is not null).Select(s => s!).ToArray());
    }
}
