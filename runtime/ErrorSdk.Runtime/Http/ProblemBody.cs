using System;
using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Http
{
    /// <summary>
    /// What an RFC 9457 problem details body says, read with Google.Protobuf's JSON parser (into a
    /// <see cref="Struct"/>) so the netstandard2.0 runtime needs no JSON package. Reading never throws.
    /// </summary>
    internal sealed class ProblemBody
    {
        private ProblemBody(Struct body)
        {
            Reason = StringOf(body, ProblemJson.Reason);
            Domain = StringOf(body, ProblemJson.Domain);
            Code = StringOf(body, ProblemJson.Code);
            Title = StringOf(body, ProblemJson.Title);
            Detail = StringOf(body, ProblemJson.Detail);
            DeveloperMessage = StringOf(body, ProblemJson.DeveloperMessage);
            RetryAfter = DelayOf(body);
            Metadata = MetadataOf(body);
        }

        public string? Reason { get; }

        public string? Domain { get; }

        public string? Code { get; }

        public string? Title { get; }

        public string? Detail { get; }

        public string? DeveloperMessage { get; }

        public TimeSpan? RetryAfter { get; }

        public Dictionary<string, string> Metadata { get; }

        /// <summary>Whether the content type is <c>application/problem+json</c>.</summary>
        public static bool IsProblem(System.Net.Http.HttpContent? content) =>
            string.Equals(content?.Headers.ContentType?.MediaType, ProblemJson.MediaType, StringComparison.OrdinalIgnoreCase);

        /// <summary>Parses a problem document; null (and a problem description) when it is not a JSON object.</summary>
        public static ProblemBody? TryParse(string text, out string? problem)
        {
            problem = null;
            try
            {
                return new ProblemBody(JsonParser.Default.Parse<Struct>(text));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException || e is InvalidJsonException || e is InvalidOperationException)
            {
                problem = "the problem+json body could not be parsed (" + e.Message + ")";
                return null;
            }
        }

        private static string? StringOf(Struct body, string name) =>
            body.Fields.TryGetValue(name, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

        private static TimeSpan? DelayOf(Struct body)
        {
            if (!body.Fields.TryGetValue(ProblemJson.RetryAfter, out var value))
            {
                return null;
            }

            // A number of seconds as ErrorSdk servers write it; a protobuf duration string ("1.5s") is accepted too.
            switch (value.KindCase)
            {
                case Value.KindOneofCase.NumberValue when value.NumberValue >= 0 && value.NumberValue < HttpRetryDelay.Ceiling.TotalSeconds:
                    return TimeSpan.FromTicks((long)(value.NumberValue * TimeSpan.TicksPerSecond));
                case Value.KindOneofCase.NumberValue when value.NumberValue >= HttpRetryDelay.Ceiling.TotalSeconds:
                    return HttpRetryDelay.Ceiling;
                case Value.KindOneofCase.StringValue when FieldCodec.ParseDuration(value.StringValue) is { } delay && delay >= TimeSpan.Zero:
                    return delay > HttpRetryDelay.Ceiling ? HttpRetryDelay.Ceiling : delay;
                default:
                    return null;
            }
        }

        private static Dictionary<string, string> MetadataOf(Struct body)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (body.Fields.TryGetValue(ProblemJson.Metadata, out var value) && value.KindCase == Value.KindOneofCase.StructValue)
            {
                foreach (var entry in value.StructValue.Fields)
                {
                    // Metadata is strings on the wire; a sender that wrote another JSON type keeps its JSON text.
                    metadata[entry.Key] = entry.Value.KindCase switch
                    {
                        Value.KindOneofCase.StringValue => entry.Value.StringValue,
                        Value.KindOneofCase.BoolValue => entry.Value.BoolValue ? "true" : "false",
                        Value.KindOneofCase.NumberValue => entry.Value.NumberValue.ToString("R", CultureInfo.InvariantCulture),
                        _ => JsonFormatter.Default.Format(entry.Value),
                    };
                }
            }

            return metadata;
        }
    }
}
