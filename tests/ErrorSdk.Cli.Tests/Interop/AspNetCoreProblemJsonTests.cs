using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ErrorSdk.Http;
using ErrorSdk.Taxonomy;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// The other half of the ErrorSdk.AspNetCore pipeline the Python and Go clients call: a request that is not gRPC
    /// gets RFC 9457 problem+json, and the HTTP adapter (<see cref="HttpErrors.FromResponseAsync"/>) turns it back
    /// into the exception the endpoint threw, for every vector.
    /// </summary>
    [Collection(InteropCollection.Name)]
    public sealed class AspNetCoreProblemJsonTests
    {
        private readonly InteropFixture _fixture;

        public AspNetCoreProblemJsonTests(InteropFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Problem_json_from_aspnetcore_reads_back_as_the_thrown_exception()
        {
            Assert.NotEmpty(_fixture.Vectors);
            await using var server = await AspNetCoreErrorServer.StartAsync(_fixture.Vectors);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

            var problems = new List<string>();
            foreach (var vector in _fixture.Vectors)
            {
                // The endpoint is HTTP/2 only (for grpcio): plain HTTP/2 with prior knowledge, no body, no application/grpc.
                using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:" + server.Port + InteropFixture.MethodPrefix + vector.Reason)
                {
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ProblemJson.MediaType));
                using var response = await client.SendAsync(request);
                var thrown = AspNetCoreErrorServer.ErrorOf(vector);
                var received = await HttpErrors.FromResponseAsync(ErrorSdkTaxonomy.Instance, response, default);

                problems.AddRange(Compare(vector, response, thrown, received).Select(p => vector.Reason + ": " + p));
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private static IEnumerable<string> Compare(Vector vector, HttpResponseMessage response, TaxonomyException thrown, TaxonomyException received)
        {
            if ((int)response.StatusCode != vector.HttpStatus)
            {
                yield return "HTTP status " + (int)response.StatusCode + ", expected " + vector.HttpStatus;
            }

            if (response.Content.Headers.ContentType?.MediaType != ProblemJson.MediaType)
            {
                yield return "content type " + response.Content.Headers.ContentType + ", expected " + ProblemJson.MediaType;
            }

            if (received.GetType() != thrown.GetType() || received.Reason != vector.Reason || received.Domain != vector.Domain)
            {
                yield return "read back as " + received.GetType().Name + " (" + received.Reason + ", " + received.Domain + "), thrown " + thrown.GetType().Name;
            }

            if (received.Code != thrown.Code || (int)received.Code != vector.Code)
            {
                yield return "code " + received.Code + ", thrown " + thrown.Code + ", vector " + vector.CodeName;
            }

            if (received.Message != thrown.Message || received.Message != vector.Message)
            {
                yield return "message '" + received.Message + "', thrown '" + thrown.Message + "', vector '" + vector.Message + "'";
            }

            var metadata = Sorted(received.Metadata);
            if (!metadata.SequenceEqual(Sorted(thrown.Metadata)) || !metadata.SequenceEqual(Sorted(vector.Metadata)))
            {
                yield return "metadata {" + string.Join(", ", metadata) + "}, thrown {" + string.Join(", ", Sorted(thrown.Metadata)) + "}, vector {" + string.Join(", ", Sorted(vector.Metadata)) + "}";
            }

            if (received.RetryAfter != thrown.RetryAfter || received.RetryAfter != vector.RetryAfter)
            {
                yield return "RetryAfter " + received.RetryAfter + ", thrown " + thrown.RetryAfter + ", vector " + vector.RetryAfter;
            }
        }

        private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> metadata) =>
            metadata.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
