using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>The success path stays free: TaxonomyHttpHandler neither reads, buffers nor replaces a successful response.</summary>
    public sealed class SuccessPathTests
    {
        [Fact]
        public async Task AStreamingSuccess_IsHandedOverAtTheHeaders_BeforeTheBodyEnds_AndUntouched()
        {
            var bodyMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = await KestrelHost.StartAsync(app => app.MapGet("/stream", async (HttpContext context) =>
            {
                await context.Response.WriteAsync("first;");
                await context.Response.Body.FlushAsync();
                await bodyMayEnd.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await context.Response.WriteAsync("last");
            }));
            var sockets = new SocketsHttpHandler();
            var recorder = new ContentRecordingHandler(sockets);
            var handler = new TaxonomyHttpHandler(ErrorSdk.Taxonomy.ErrorSdkTaxonomy.Instance, recorder);
            using var client = new HttpClient(handler);

            using var response = await client.GetAsync(new Uri(host.BaseAddress, "stream"), HttpCompletionOption.ResponseHeadersRead);

            // The body has not ended (the server waits for us), yet the response is here: nothing buffered it.
            Assert.False(bodyMayEnd.Task.IsCompleted);
            Assert.Same(recorder.Last, response.Content);
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.False(body.CanSeek);
            var first = new byte[6];
            await body.ReadExactlyAsync(first);
            Assert.Equal("first;", System.Text.Encoding.ASCII.GetString(first));
            bodyMayEnd.SetResult();
            using var reader = new System.IO.StreamReader(body);
            Assert.Equal("last", await reader.ReadToEndAsync());
        }

        // Remembers the content object the network handler produced, to prove the caller gets that very object.
        private sealed class ContentRecordingHandler : DelegatingHandler
        {
            public HttpContent? Last { get; private set; }

            public ContentRecordingHandler(HttpMessageHandler inner)
                : base(inner)
            {
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                Last = response.Content;
                return response;
            }
        }
    }
}
