using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorSdk.Wire;
using CsCheck;
using ErrorSdk.Properties.Tests.Generation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>CsCheck generators of hostile wire input: statuses, details, trailers. Cheap: no case is larger than a few KB.</summary>
    internal static class WireGen
    {
        public const string Domain = "errorsdk.dev";

        public static readonly string[] TypeUrls =
        {
            ErrorInfoCodec.TypeUrl,
            "type.googleapis.com/google.rpc.RetryInfo",
            "type.googleapis.com/google.rpc.DebugInfo",
            GrpcWire.TrailerProblemTypeUrl,
            "type.googleapis.com/google.protobuf.Any",
            "type.googleapis.com/acme.Unknown",
            "google.rpc.ErrorInfo",
            "x/y/z/google.rpc.RetryInfo",
            "/",
            string.Empty,
            "type.googleapis.com/google.rpc.ErrorInfo/",
            "type.googleapis.com/GOOGLE.RPC.ERRORINFO",
        };

        public static Gen<byte> Byte => Gen.Byte;

        public static Gen<byte[]> Bytes => Gens.SizedArray(Byte);

        // Lists stay short and strings small: a case costs microseconds, and the hostile sizes have their own tests.
        private static Gen<List<T>> Few<T>(Gen<T> gen, int max) => Gen.Int[0, max].SelectMany(n => gen.List[n]).Select(l => l.ToList());

        /// <summary>Any int (CsCheck's <c>Gen.Int</c>: every bit width equally often, so small, large and extreme values), small codes, edges.</summary>
        public static Gen<int> AnyInt => Gen.OneOf(
            Gen.Int,
            Gen.Int[-2, 20],
            Gen.OneOf(int.MinValue, int.MaxValue, -1, 0, 16, 17));

        /// <summary>Any UTF-16 code unit, lone surrogates included; ASCII half of the time.</summary>
        public static Gen<char> AnyChar => Gen.OneOf(Gen.Int[0, 0x7F], Gen.Int[0x80, 0xFFFF]).Select(c => (char)c);

        /// <summary>Strings with what hurts: control characters, lone surrogates, '%', ',', '=', non-ASCII, long runs.</summary>
        public static Gen<string> Text => Gen.Frequency(
            (4, AnyChar.Array[0, 40].Select(chars => new string(chars))),
            (2, Gen.OneOf('a', 'Z', '0', '%', ',', '=', ' ', '\n', '\0', 'é', '\uD83D', '\uDE00', '\uFFFF', '{', '}', '"', '…').Array[0, 40]
                .Select(chars => new string(chars))),
            (1, Gen.Int[0, 600].Select(n => new string('x', n))),
            (1, Gen.Const(string.Empty)));

        /// <summary>What a grpc-message header might hold: valid, invalid and truncated percent escapes, invalid UTF-8.</summary>
        public static Gen<string> PercentText => Gen.Frequency(
            (2, Text.Select(GrpcWire.PercentEncode)),
            (2, Gens.SizedArray(Gen.OneOf("%", "%2", "%25", "%zz", "%C3", "%A9", "%C3%A9", "%E2%9C", "%FF", "%F0%9F%98", "a", " ", "+", ",", "%00", "%0A", "%%"))
                .Select(parts => string.Concat(parts))),
            (1, Text));

        public static Gen<ByteString> ErrorInfoBytes =>
            from reason in Gen.Frequency((3, Gen.OneOf("NOT_FOUND", "TOO_MANY_REQUESTS", "UNKNOWN_REASON", string.Empty)), (1, Text))
            from domain in Gen.Frequency((3, Gen.OneOf(Domain, "other.example", string.Empty)), (1, Text))
            from metadata in Few(Gen.Select(Gen.Frequency((3, Gen.OneOf("a", "b", "resourceName", string.Empty)), (1, Text)), Text), 6)
            select ErrorInfoCodec.Encode(reason, domain, metadata.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList());

        public static Gen<ByteString> RetryInfoBytes =>
            from seconds in Gen.OneOf(Gen.Int[-5, 100].Select(s => (long)s), Gen.Long)
            from nanos in Gen.OneOf(Gen.Int[0, 999_999_999], Gen.Int)
            select new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = seconds, Nanos = nanos } }.ToByteString();

        public static Gen<ByteString> DebugInfoBytes =>
            from detail in Text
            select new Google.Rpc.DebugInfo { Detail = detail }.ToByteString();

        public static Gen<ByteString> ProblemBytes =>
            from problem in Text
            select new Struct { Fields = { ["problem"] = Value.ForString(problem), ["raw"] = Value.ForString("x") } }.ToByteString();

        /// <summary>A well-formed value of a random type, a truncated one, a corrupted one, garbage, or an Any inside an Any.</summary>
        public static Gen<ByteString> DetailValue
        {
            get
            {
                var wellFormed = Gen.OneOf(ErrorInfoBytes, RetryInfoBytes, DebugInfoBytes, ProblemBytes);
                return Gen.Frequency(
                    (4, wellFormed),
                    (2, from bytes in wellFormed from cut in Gen.Int[0, 1000] select Truncate(bytes, cut)),
                    (2, from bytes in wellFormed from at in Gen.Int[0, 1000] from b in Byte select Corrupt(bytes, at, b)),
                    (2, Bytes.Select(ByteString.CopyFrom)),
                    (1, from inner in wellFormed from url in Gen.OneOf(TypeUrls) select new Any { TypeUrl = url, Value = inner }.ToByteString()));
            }
        }

        public static Gen<Any> Detail =>
            from url in Gen.Frequency((6, Gen.OneOf(TypeUrls)), (1, Text))
            from value in DetailValue
            select new Any { TypeUrl = url, Value = value };

        public static Gen<Google.Rpc.Status> Status =>
            from code in AnyInt
            from message in Text
            from details in Few(Detail, 6)
            select Build(code, message, details);

        /// <summary>Valid Status bytes, truncated, corrupted, or garbage: what a details trailer may decode to.</summary>
        public static Gen<byte[]> StatusBytes => Gen.Frequency(
            (2, Status.Select(s => s.ToByteArray())),
            (2, from s in Status from cut in Gen.Int[0, 2000] select Truncate(s.ToByteString(), cut).ToByteArray()),
            (2, from s in Status from at in Gen.Int[0, 2000] from b in Byte select Corrupt(s.ToByteString(), at, b).ToByteArray()),
            (2, Bytes));

        /// <summary>A details header value: valid base64 with or without padding, URL-safe, corrupted, comma-joined, or junk.</summary>
        public static Gen<string> DetailsValue => Gen.Frequency(
            (3, StatusBytes.Select(b => Convert.ToBase64String(b).TrimEnd('='))),
            (1, StatusBytes.Select(Convert.ToBase64String)),
            (1, StatusBytes.Select(b => Convert.ToBase64String(b).Replace('+', '-').Replace('/', '_'))),
            (1, from b in StatusBytes from at in Gen.Int[0, 400] from c in Gen.OneOf('!', '=', ',', ' ', 'A', '\u00e9', '-') select Insert(Convert.ToBase64String(b), at, c)),
            (1, from a in StatusBytes from b in StatusBytes select Convert.ToBase64String(a) + "," + Convert.ToBase64String(b).TrimEnd('=')),
            (1, Gens.SizedArray(Gen.OneOf('A', 'z', '+', '/', '=', ',', ' ', '-', '_', '*')).Select(c => new string(c))),
            (1, Text));

        public static Gen<string> HeaderName => Gen.Frequency(
            (3, Gen.OneOf(GrpcWire.StatusHeader, GrpcWire.MessageHeader, GrpcWire.DetailsHeader)),
            (1, Gen.OneOf("GRPC-STATUS", "Grpc-Message", "grpc-status-details-BIN", "content-type", "grpc-statuss", " grpc-status", string.Empty)),
            (1, Text));

        public static Gen<string> HeaderValue(string name) => name.ToLowerInvariant() switch
        {
            GrpcWire.StatusHeader => Gen.Frequency(
                (4, AnyInt.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (1, Gen.OneOf(" 8 ", "+3", "-0", "eight", "99999999999999", "0x10", string.Empty, "1,2")),
                (1, Text)),
            GrpcWire.MessageHeader => PercentText,
            GrpcWire.DetailsHeader => DetailsValue,
            _ => Text,
        };

        public static Gen<KeyValuePair<string, string>> Header =>
            from name in HeaderName
            from value in Gen.Frequency((8, HeaderValue(name)), (1, Gen.Const((string)null!)))
            select new KeyValuePair<string, string>(name, value);

        public static Gen<List<KeyValuePair<string, string>>> Trailers => Few(Header, 8);

        public static Google.Rpc.Status Build(int code, string message, IEnumerable<Any> details)
        {
            var status = new Google.Rpc.Status { Code = code, Message = message };
            status.Details.Add(details);
            return status;
        }

        public static ByteString Truncate(ByteString bytes, int cut) =>
            bytes.Length == 0 ? bytes : ByteString.CopyFrom(bytes.ToByteArray(), 0, cut % bytes.Length);

        public static ByteString Corrupt(ByteString bytes, int at, byte value)
        {
            if (bytes.Length == 0)
            {
                return ByteString.CopyFrom(value);
            }

            var copy = bytes.ToByteArray();
            copy[at % copy.Length] = value;
            return ByteString.CopyFrom(copy);
        }

        private static string Insert(string text, int at, char c) => text.Insert(text.Length == 0 ? 0 : at % text.Length, c.ToString());

        /// <summary>Shows a status in a failure report.</summary>
        public static string Show(Google.Rpc.Status status) => Convert.ToBase64String(status.ToByteArray());

        public static string Show(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var text = new StringBuilder();
            foreach (var header in headers)
            {
                text.Append('[').Append(header.Key).Append("] = [").Append(header.Value).Append("] ");
            }

            return text.ToString();
        }
    }
}
