using System;
using System.Collections.Generic;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>Builds and reads the details of a <c>google.rpc.Status</c>: ErrorInfo, RetryInfo and DebugInfo.</summary>
    internal static class StatusDetails
    {
        private const string RetryInfoTypeName = "google.rpc.RetryInfo";
        private const string DebugInfoTypeName = "google.rpc.DebugInfo";

        public static Google.Rpc.Status Build(
            int code,
            string message,
            string reason,
            string domain,
            IReadOnlyDictionary<string, string> metadata,
            TimeSpan? retryAfter,
            string? debugDetail)
        {
            var status = new Google.Rpc.Status { Code = code, Message = message ?? string.Empty };
            status.Details.Add(new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ErrorInfoCodec.Encode(reason, domain, metadata) });
            if (retryAfter is { } delay)
            {
                status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
            }

            if (!string.IsNullOrEmpty(debugDetail))
            {
                status.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = debugDetail }));
            }

            return status;
        }

        public static ReceivedError Read(Google.Rpc.Status? status, string domain)
        {
            status ??= new Google.Rpc.Status { Code = (int)Google.Rpc.Code.Unknown };
            List<string>? problems = null;
            string? reason = null;
            string? infoDomain = null;
            bool own = false;
            MetadataMap? metadata = null;
            TimeSpan? retryDelay = null;
            bool retrySeen = false;
            string? debugDetail = null;

            for (int i = 0; i < status.Details.Count; i++)
            {
                var detail = status.Details[i];
                if (detail is null)
                {
                    continue;
                }

                switch (KnownTypeNameOf(detail.TypeUrl))
                {
                    case ErrorInfoCodec.TypeName when !own:
                        try
                        {
                            ErrorInfoCodec.Decode(detail.Value, domain, out var r, out var d, out var m);
                            bool isOwn = string.Equals(d, domain, StringComparison.Ordinal);
                            // The taxonomy's own ErrorInfo wins; otherwise keep the first foreign one.
                            if (isOwn || reason is null)
                            {
                                reason = r;
                                infoDomain = d;
                                metadata = m;
                                own = isOwn;
                            }
                        }
                        catch (InvalidProtocolBufferException e)
                        {
                            Add(ref problems, "details[" + i + "]: malformed google.rpc.ErrorInfo (" + e.Message + ")");
                        }

                        break;
                    case RetryInfoTypeName when !retrySeen:
                        retrySeen = true;
                        retryDelay = ReadRetryDelay(detail.Value, i, ref problems);
                        break;
                    case GrpcWire.TrailerProblemTypeName:
                        Add(ref problems, "details[" + i + "]: " + DescribeTrailerProblem(detail.Value));
                        break;
                    case DebugInfoTypeName when debugDetail is null:
                        try
                        {
                            debugDetail = Google.Rpc.DebugInfo.Parser.ParseFrom(detail.Value).Detail;
                        }
                        catch (InvalidProtocolBufferException e)
                        {
                            Add(ref problems, "details[" + i + "]: malformed google.rpc.DebugInfo (" + e.Message + ")");
                        }

                        break;
                }
            }

            return new ReceivedError(
                status,
                reason,
                infoDomain,
                own,
                metadata,
                retryDelay,
                debugDetail,
                problems);
        }

        private static TimeSpan? ReadRetryDelay(ByteString value, int index, ref List<string>? problems)
        {
            // A well-formed, in-range delay is read in place; anything else goes through the parser, which says what is wrong.
            if (RetryInfoReader.TryRead(value, out var fast))
            {
                return fast;
            }

            try
            {
                var info = Google.Rpc.RetryInfo.Parser.ParseFrom(value);
                var delay = info.RetryDelay;
                if (delay is null)
                {
                    return null;
                }

                if (delay.Seconds < 0 || delay.Nanos < 0 || delay.Nanos > 999_999_999 || delay.Seconds > Duration.MaxSeconds)
                {
                    Add(ref problems, "details[" + index + "]: RetryInfo delay out of range (" + delay.Seconds + "s " + delay.Nanos + "ns)");
                    return null;
                }

                return delay.ToTimeSpan();
            }
            catch (Exception e) when (e is InvalidProtocolBufferException || e is InvalidOperationException || e is OverflowException)
            {
                Add(ref problems, "details[" + index + "]: malformed google.rpc.RetryInfo (" + e.Message + ")");
                return null;
            }
        }

        private static string DescribeTrailerProblem(ByteString value)
        {
            try
            {
                var problem = Struct.Parser.ParseFrom(value);
                return "trailer " + (problem.Fields.TryGetValue("problem", out var kind) ? kind.StringValue : "problem");
            }
            catch (InvalidProtocolBufferException)
            {
                return "trailer problem";
            }
        }

        /// <summary>
        /// The type name of a type URL (the text after its last <c>/</c>) when it is one this reader handles, as the
        /// constant itself; otherwise an empty string. Nothing is allocated.
        /// </summary>
        private static string KnownTypeNameOf(string? typeUrl)
        {
            if (string.IsNullOrEmpty(typeUrl))
            {
                return string.Empty;
            }

            return HasTypeName(typeUrl!, ErrorInfoCodec.TypeName) ? ErrorInfoCodec.TypeName
                : HasTypeName(typeUrl!, RetryInfoTypeName) ? RetryInfoTypeName
                : HasTypeName(typeUrl!, DebugInfoTypeName) ? DebugInfoTypeName
                : HasTypeName(typeUrl!, GrpcWire.TrailerProblemTypeName) ? GrpcWire.TrailerProblemTypeName
                : string.Empty;
        }

        // Type names contain no '/', so "ends with /name, or is name" is "the text after the last '/' is name".
        private static bool HasTypeName(string typeUrl, string name) =>
            typeUrl.EndsWith(name, StringComparison.Ordinal) &&
            (typeUrl.Length == name.Length || typeUrl[typeUrl.Length - name.Length - 1] == '/');

        private static void Add(ref List<string>? problems, string problem) => (problems ??= new List<string>()).Add(problem);
    }
}
