using System;
using System.Linq;
using System.Text;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Model;
using Google.Protobuf;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>What invariant 6 demands of one raised error, for any taxonomy.</summary>
    internal static class MessageExpectations
    {
        /// <summary>
        /// The message is the template with every placeholder filled by its value inserted literally (a uri sanitized),
        /// and no secret of <paramref name="values"/> — sensitive values, a URL's userinfo, query or fragment, the
        /// developer message's token — is in the message, the Status bytes, the grpc-message, ToString(), the
        /// metadata or the sanitized developer message; no sensitive field is a metadata key, locally or on the wire.
        /// </summary>
        public static void Check(KindValues values, TaxonomyException error)
        {
            var kind = values.Kind;
            var where = values.ToString();
            var expected = Template.Render(kind.MessageTemplate, name => values.Values.Single(v => v.Field.Name == name).Wire);
            Expect.Equal(expected, error.Message, where + ": Message is the template with each value inserted literally (template: " + Expect.Show(kind.MessageTemplate) + ")");

            var status = error.ToStatus();
            var bytes = status.ToByteArray();
            var grpcMessage = GrpcWire.ToTrailers(status).Where(t => t.Key == GrpcWire.MessageHeader).Select(t => GrpcWire.PercentDecode(t.Value)).SingleOrDefault() ?? string.Empty;
            Expect.Equal(error.Message, grpcMessage, where + ": grpc-message decodes to the message");

            foreach (var secret in values.Secrets)
            {
                Expect.True(!error.Message.Contains(secret, StringComparison.Ordinal), where + ": Message leaks " + secret);
                Expect.True(!Contains(bytes, Encoding.UTF8.GetBytes(secret)), where + ": ToStatus() bytes leak " + secret);
                Expect.True(!error.ToString().Contains(secret, StringComparison.Ordinal), where + ": ToString() leaks " + secret);
                Expect.True(!error.Metadata.Values.Any(v => v.Contains(secret, StringComparison.Ordinal)), where + ": Metadata leaks " + secret);
                Expect.True(!(error.DeveloperMessage ?? string.Empty).Contains(secret, StringComparison.Ordinal), where + ": the sanitized DeveloperMessage keeps " + secret);
            }

            var wireKeys = status.Details
                .Where(d => d.TypeUrl.EndsWith("/google.rpc.ErrorInfo", StringComparison.Ordinal))
                .SelectMany(d => Google.Rpc.ErrorInfo.Parser.ParseFrom(d.Value).Metadata.Keys)
                .ToList();
            foreach (var field in kind.AllFields.Where(f => f.Sensitive))
            {
                Expect.True(!error.Metadata.ContainsKey(field.Name), where + ": sensitive " + field.Name + " in Metadata");
                Expect.True(!wireKeys.Contains(field.Name), where + ": sensitive " + field.Name + " in the ErrorInfo on the wire");
            }
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
