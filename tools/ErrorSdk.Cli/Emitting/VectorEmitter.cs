using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;
using ErrorSdk.Http;
using Google.Protobuf;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>
    /// Emits conformance vectors: per non-abstract kind, a sample error with deterministic field values as every
    /// form it travels in (google.rpc.Status bytes, gRPC trailers, RFC 9457 problem details) and the values any
    /// implementation must read back from them. Every form is written by the runtime's own code (see <see cref="SampleError"/>).
    /// </summary>
    internal static class VectorEmitter
    {
        /// <summary>The format id of the vectors file.</summary>
        public const string Format = "errorsdk.conformance.v1";

        public static string Emit(TaxonomySpec spec)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("format", Format);
                json.WriteString(
                    "about",
                    "One sample error per non-abstract kind. 'status' is base64 (padded) of one valid google.rpc.Status encoding; " +
                    "compare decoded values, not bytes (protobuf map order is unspecified). 'trailers' are the gRPC trailers " +
                    "(grpc-message percent-encoded, grpc-status-details-bin unpadded base64). 'problem' is the RFC 9457 body, " +
                    "sent with 'httpHeaders'. Sensitive fields never travel; optional fields are included.");
                json.WriteStartObject("taxonomy");
                json.WriteString("name", spec.Name);
                json.WriteString("version", spec.Version);
                json.WriteString("domain", spec.Domain);
                json.WriteString("protoPackage", spec.ProtoPackage);
                json.WriteEndObject();
                json.WriteStartArray("vectors");
                foreach (var kind in spec.Kinds.Where(k => !k.IsAbstract).OrderBy(k => k.Number))
                {
                    WriteVector(json, spec, kind);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteVector(Utf8JsonWriter json, TaxonomySpec spec, KindSpec kind)
        {
            var metadata = SampleValues.Metadata(kind);
            var message = SampleValues.Render(kind.Message, metadata);
            TimeSpan? retryAfter = kind.Retry == RetryKind.Throttled ? SampleValues.ThrottledRetryAfter : null;
            var error = SampleError.Of(spec, kind, metadata, message, retryAfter);
            var status = error.ToStatus();

            json.WriteStartObject();
            json.WriteString("reason", kind.Reason);
            json.WriteNumber("number", kind.Number);
            json.WriteString("domain", spec.Domain);
            json.WriteStartObject("code");
            json.WriteString("name", kind.CodeName);
            json.WriteNumber("value", kind.CodeValue);
            json.WriteEndObject();
            json.WriteNumber("httpStatus", kind.HttpStatus);
            json.WriteString("retry", Vocabulary.NameOf(kind.Retry));
            if (retryAfter is { } delay)
            {
                json.WriteString("retryAfter", FieldCodec.FormatDuration(delay));
            }
            else
            {
                json.WriteNull("retryAfter");
            }

            json.WriteString("message", message);
            WriteMetadata(json, "metadata", metadata);
            json.WriteStartArray("ancestors");
            foreach (var ancestor in kind.Ancestors)
            {
                json.WriteStringValue(ancestor);
            }

            json.WriteEndArray();
            json.WriteString("status", Convert.ToBase64String(status.ToByteArray()));
            json.WriteStartObject("trailers");
            foreach (var trailer in GrpcWire.ToTrailers(status))
            {
                json.WriteString(trailer.Key, trailer.Value);
            }

            json.WriteEndObject();
            json.WritePropertyName("problem");
            ProblemDetailsWriter.Write(json, error);
            json.WriteStartObject("httpHeaders");
            json.WriteString("Content-Type", ProblemJson.MediaType);
            if (ProblemDetailsWriter.RetryAfterHeaderOf(error) is { } header)
            {
                json.WriteString("Retry-After", header);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteMetadata(Utf8JsonWriter json, string name, System.Collections.Generic.IReadOnlyDictionary<string, string> metadata)
        {
            json.WriteStartObject(name);
            foreach (var entry in metadata)
            {
                json.WriteString(entry.Key, entry.Value);
            }

            json.WriteEndObject();
        }
    }
}
