using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Xunit;

namespace ErrorSdk.Http.Tests.AspNetCore
{
    /// <summary>RFC 9457 responses written by ErrorSdk.AspNetCore, read back by the client side.</summary>
    public sealed class ProblemDetailsTests : IClassFixture<ErrorServerFixture>
    {
        private readonly ErrorServerFixture _server;

        public ProblemDetailsTests(ErrorServerFixture server) => _server = server;

        [Fact]
        public async Task TaxonomyException_IsAProblemDocumentWithEveryMember()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/provisioning"));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;

            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal(ProblemJson.MediaType, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("https://errorsdk.dev/errors/USER_NOT_PROVISIONABLE", root.GetProperty("type").GetString());
            Assert.Equal("User not provisionable", root.GetProperty("title").GetString());
            Assert.Equal(400, root.GetProperty("status").GetInt32());
            Assert.Equal("The user cannot be provisioned in the target system.", root.GetProperty("detail").GetString());
            Assert.Equal("USER_NOT_PROVISIONABLE", root.GetProperty("reason").GetString());
            Assert.Equal("errorsdk.dev", root.GetProperty("domain").GetString());
            Assert.Equal("FAILED_PRECONDITION", root.GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Object, root.GetProperty("metadata").ValueKind);
            Assert.False(root.TryGetProperty("developerMessage", out _));
            Assert.False(root.TryGetProperty("retryAfter", out _));
            Assert.False(response.Headers.Contains("Retry-After"));
        }

        [Fact]
        public async Task ClientSide_PromotesTheProblemToTheSameKind()
        {
            using var client = new HttpClient(new TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/provisioning")));

            Assert.Equal("USER_NOT_PROVISIONABLE", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("The user cannot be provisioned in the target system.", error.Message);
        }

        [Fact]
        public async Task RetryDelay_TravelsAsMemberAndHeader_AndComesBack()
        {
            using var plain = new HttpClient();
            using var response = await plain.GetAsync(new Uri(_server.Default.BaseAddress, "throw/throttled"));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            using var typed = new HttpClient(new TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => typed.GetAsync(new Uri(_server.Default.BaseAddress, "throw/throttled")));

            Assert.Equal(429, (int)response.StatusCode);
            Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal(1.5, json.RootElement.GetProperty("retryAfter").GetDouble());
            Assert.Equal("TOO_MANY_REQUESTS", error.Reason);
            Assert.Equal(TimeSpan.FromSeconds(1.5), error.RetryAfter);
        }

        [Fact]
        public async Task ErrorResult_AnswersLikeTheExceptionHandler()
        {
            using var client = new HttpClient(new TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri(_server.Default.BaseAddress, "result/throttled")));

            Assert.Equal("TOO_MANY_REQUESTS", error.Reason);
            Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        }

        [Fact]
        public async Task ExceptionOutsideTheTaxonomy_IsInternal_WithNoRawText()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/plain"));
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);

            Assert.Equal(500, (int)response.StatusCode);
            Assert.Equal("INTERNAL", json.RootElement.GetProperty("reason").GetString());
            Assert.Equal("An internal error occurred.", json.RootElement.GetProperty("detail").GetString());
            Assert.DoesNotContain(ErrorServerFixture.Secret, body);
            Assert.DoesNotContain("InvalidOperationException", body);
            Assert.DoesNotContain("db.internal", body);
        }

        [Fact]
        public async Task ErrorWithoutAReason_IsAboutBlank_TitledByTheStatusPhrase_WithNoReasonDomainOrMetadata()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/unclassified"));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;

            Assert.Equal(500, (int)response.StatusCode);
            Assert.Equal("about:blank", root.GetProperty("type").GetString());
            Assert.Equal("Internal Server Error", root.GetProperty("title").GetString());
            Assert.Equal(500, root.GetProperty("status").GetInt32());
            Assert.Equal("x", root.GetProperty("detail").GetString());
            Assert.Equal("INTERNAL", root.GetProperty("code").GetString());
            Assert.False(root.TryGetProperty("reason", out _));
            Assert.False(root.TryGetProperty("domain", out _));
            Assert.False(root.TryGetProperty("metadata", out _));
        }

        [Fact]
        public async Task TaxonomyWithoutAnInternalKind_AnswersAnAboutBlankProblem_WithNoEmptyReasonOrDomain()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.NoInternalKind.BaseAddress, "throw/plain"));
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;

            Assert.Equal(500, (int)response.StatusCode);
            Assert.Equal("about:blank", root.GetProperty("type").GetString());
            Assert.Equal("Internal Server Error", root.GetProperty("title").GetString());
            Assert.Equal("An internal error occurred.", root.GetProperty("detail").GetString());
            Assert.Equal("INTERNAL", root.GetProperty("code").GetString());
            Assert.False(root.TryGetProperty("reason", out _));
            Assert.False(root.TryGetProperty("domain", out _));
            Assert.False(root.TryGetProperty("metadata", out _));
            Assert.DoesNotContain(ErrorServerFixture.Secret, body);
        }

        [Fact]
        public async Task ForwardedForeignError_KeepsItsReasonDomainAndMetadata()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/foreign"));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;

            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("https://other.example/errors/BAD_THING", root.GetProperty("type").GetString());
            Assert.Equal("Bad thing", root.GetProperty("title").GetString());
            Assert.Equal("BAD_THING", root.GetProperty("reason").GetString());
            Assert.Equal("other.example", root.GetProperty("domain").GetString());
            Assert.Equal("eu-1", root.GetProperty("metadata").GetProperty("zone").GetString());
        }

        [Fact]
        public async Task DeveloperMessage_IsSentOnlyWhenTheHostOptsIn_AndIsSanitized()
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(_server.WithDeveloperMessages.BaseAddress, "throw/plain"));
            var body = await response.Content.ReadAsStringAsync();
            var developerMessage = JsonDocument.Parse(body).RootElement.GetProperty("developerMessage").GetString();

            Assert.Contains("System.InvalidOperationException", developerMessage);
            Assert.Contains("https://db.internal/x", developerMessage);
            Assert.DoesNotContain(ErrorServerFixture.Secret, body);
        }

        [Fact]
        public async Task WrappedTaxonomyException_IsFoundThroughTheChain()
        {
            using var client = new HttpClient(new TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/wrapped")));

            Assert.Equal("PERMISSION_DENIED", error.Reason);
        }

        [Fact]
        public async Task HostMapping_TurnsItsOwnExceptionsIntoKinds()
        {
            using var client = new HttpClient(new TaxonomyHttpHandler(_server.Taxonomy, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(new Uri(_server.Default.BaseAddress, "throw/mapped")));

            Assert.Equal("NOT_FOUND", error.Reason);
            Assert.Equal("The connector 'c-1' was not found.", error.Message);
            Assert.Equal("c-1", error.Metadata["resourceName"]);
        }
    }
}
