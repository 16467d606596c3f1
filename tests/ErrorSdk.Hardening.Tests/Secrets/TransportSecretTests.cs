using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.AspNetCore;
using ErrorSdk.Http;
using ErrorSdk.Taxonomy;
using ErrorSdk.Tests.Hardening;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Secrets
{
    /// <summary>
    /// The secrets corpus through the transports: RFC 9457 problem details written by the ASP.NET Core exception handler
    /// (with and without the developer-message opt-in) for a typed error, a promoted error and an arbitrary exception; and
    /// the HTTP adapter reading an upstream response whose body and URL carry the secret.
    /// </summary>
    public class TransportSecretTests
    {
        public static TheoryData<SecretShape> Shapes()
        {
            var data = new TheoryData<SecretShape>();
            foreach (var shape in SecretCorpus.Shapes)
            {
                data.Add(shape);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task Problem_details_carry_no_secret_for_local_promoted_or_unknown_exceptions(SecretShape shape)
        {
            var local = new UpstreamErrorException("server", 502, "Bad Gateway", rawBody: shape.Text, developerMessage: shape.Text,
                innerException: new HttpRequestException(shape.Text));
            var sent = new Google.Rpc.Status { Code = 13, Message = shape.Text };
            sent.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = shape.Text }));
            var promoted = ErrorSdkTaxonomy.Promote(sent);
            var unknown = new InvalidOperationException(shape.Text, new IOException(shape.Text));

            foreach (var exception in new Exception[] { local, promoted, new AggregateException(local), unknown })
            {
                foreach (var optIn in new[] { false, true })
                {
                    var body = await ProblemDetails(exception, optIn);
                    OutwardText.AssertNoSecret(shape, new[] { ("problem details (" + exception.GetType().Name + ", opt-in " + optIn + ")", body) });
                    Assert.Contains("\"reason\"", body, StringComparison.Ordinal);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task An_upstream_response_carrying_the_secret_gives_an_error_that_leaks_nothing(SecretShape shape)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://user:Pa55-SECRET-word@api.example.com/v1/items?access_token=qt-SECRET-7f3a9");
            using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
            {
                RequestMessage = request,
                Content = new StringContent(shape.Text, Encoding.UTF8, "text/plain"),
            };
            response.Headers.TryAddWithoutValidation("X-Debug", shape.Text);

            var error = await HttpErrors.FromResponseAsync(ErrorSdkTaxonomy.Instance, response);
            OutwardText.AssertNoSecret(shape, OutwardText.Of(error));
            OutwardText.AssertNoSecret(SecretCorpus.Shapes.Single(s => s.Name == "query-token"), OutwardText.Of(error));
            OutwardText.AssertNoSecret(SecretCorpus.Shapes.Single(s => s.Name == "userinfo"), OutwardText.Of(error));
            OutwardText.AssertNoSecret(shape, new[] { ("problem details", await ProblemDetails(error, includeDeveloperMessage: true)) });
        }

        private static async Task<string> ProblemDetails(Exception exception, bool includeDeveloperMessage)
        {
            var handler = new TaxonomyExceptionHandler(ErrorSdkTaxonomy.Instance, Options.Create(new TaxonomyErrorOptions { IncludeDeveloperMessage = includeDeveloperMessage }));
            var context = new DefaultHttpContext();
            context.Response.Body = new MemoryStream();
            Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
            context.Response.Body.Position = 0;
            var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
            // The body is JSON: read it back so escapes (\u0026, \") cannot hide a secret from the search.
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return body + "\n" + Flatten(json.RootElement);
        }

        private static string Flatten(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => p.Name + "=" + Flatten(p.Value))),
            System.Text.Json.JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Flatten)),
            _ => element.ToString(),
        };
    }
}
