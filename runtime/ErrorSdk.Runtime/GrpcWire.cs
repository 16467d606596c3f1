using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf;

namespace ErrorSdk
{
    /// <summary>
    /// The gRPC status trailers: <c>grpc-status</c>, <c>grpc-message</c> (percent-encoded UTF-8) and
    /// <c>grpc-status-details-bin</c> (base64 of the serialized <c>google.rpc.Status</c>).
    /// </summary>
    /// <remarks>
    /// Reading never throws and loses nothing silently. When several details values arrive (repeated headers or
    /// comma-joined), the first one that decodes wins. When <c>grpc-status</c> and the details' code disagree,
    /// the header wins (it is what every client sees). Undecodable values, extra values, mismatches, malformed
    /// percent-encoding and cuts at a <see cref="WireLimits"/> limit are kept as details of type
    /// <see cref="TrailerProblemTypeUrl"/> (a <c>google.protobuf.Struct</c> with <c>problem</c>, <c>raw</c> — an
    /// excerpt of at most 256 characters — and, for cuts, <c>note</c>), at most 16 of them plus one that counts the rest.
    /// </remarks>
    public static partial class GrpcWire
    {
        /// <summary>The trailer carrying the decimal status code.</summary>
        public const string StatusHeader = "grpc-status";

        /// <summary>The trailer carrying the percent-encoded message.</summary>
        public const string MessageHeader = "grpc-message";

        /// <summary>The trailer carrying base64 of the serialized <c>google.rpc.Status</c>.</summary>
        public const string DetailsHeader = "grpc-status-details-bin";

        /// <summary>Type URL of the detail that records what could not be read from the trailers.</summary>
        public const string TrailerProblemTypeUrl = "type.errorsdk.dev/errorsdk.wire.v1.TrailerProblem";

        internal const string TrailerProblemTypeName = "errorsdk.wire.v1.TrailerProblem";

        // grpc-status values of the known codes, made once.
        private static readonly string[] CodeTexts =
        {
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        };


        /// <summary>The trailers that carry <paramref name="status"/>; details go unpadded, as the gRPC spec recommends.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ToTrailers(Google.Rpc.Status status)
        {
            if (status is null)
            {
                throw new ArgumentNullException(nameof(status));
            }

            var code = (uint)status.Code < (uint)CodeTexts.Length ? CodeTexts[status.Code] : status.Code.ToString(CultureInfo.InvariantCulture);
            var trailers = new List<KeyValuePair<string, string>>(3)
            {
                new KeyValuePair<string, string>(StatusHeader, code),
            };
            if (!string.IsNullOrEmpty(status.Message))
            {
                trailers.Add(new KeyValuePair<string, string>(MessageHeader, PercentEncode(status.Message)));
            }

            if (status.Details.Count > 0)
            {
                trailers.Add(new KeyValuePair<string, string>(DetailsHeader, EncodeUnpaddedBase64(status)));
            }

            return trailers;
        }

        /// <summary>
        /// Base64 of the serialized status without padding, the one string it ends as: the bytes and the characters
        /// go through pooled buffers instead of a byte array, a padded string and a trimmed copy.
        /// </summary>
        private static string EncodeUnpaddedBase64(Google.Rpc.Status status)
        {
            int size = status.CalculateSize();
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            char[]? chars = null;
            try
            {
                var output = new CodedOutputStream(bytes);
                status.WriteTo(output);
                output.Flush();
                chars = ArrayPool<char>.Shared.Rent(Math.Max(((size + 2) / 3) * 4, 1));
                int length = Convert.ToBase64CharArray(bytes, 0, size, chars, 0);
                while (length > 0 && chars[length - 1] == '=')
                {
                    length--;
                }

                return new string(chars, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                if (chars is not null)
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
        }
    }
}
