using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ErrorSdk.AspNetCore;
using ErrorSdk.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorSdk.Http.Tests.AspNetCore
{
    /// <summary>Kestrel servers whose endpoints throw, answered by ErrorSdk.AspNetCore: HTTP/1.1, HTTP/1.1 with developer messages, and HTTP/2 for gRPC.</summary>
    public sealed class ErrorServerFixture : IAsyncLifetime
    {
        public const string Secret = "hunter2";

        public KestrelHost Default { get; private set; } = null!;

        public KestrelHost WithDeveloperMessages { get; private set; } = null!;

        public KestrelHost Http2 { get; private set; } = null!;

        public IErrorTaxonomy Taxonomy => TestTaxonomies.Default;

        public async Task InitializeAsync()
        {
            Default = await Start(o => { }, HttpProtocols.Http1);
            WithDeveloperMessages = await Start(o => o.IncludeDeveloperMessage = true, HttpProtocols.Http1);
            Http2 = await Start(o => { }, HttpProtocols.Http2);
        }

        public async Task DisposeAsync()
        {
            await Default.DisposeAsync();
            await WithDeveloperMessages.DisposeAsync();
            await Http2.DisposeAsync();
        }

        private Task<KestrelHost> Start(Action<TaxonomyErrorOptions> configure, HttpProtocols protocols) =>
            KestrelHost.StartAsync(
                app =>
                {
                    app.UseExceptionHandler();
                    app.Map("/throw/{which}", (string which) => Throw(which));
                    app.Map("/result/throttled", () => TaxonomyResults.Error(
                        Taxonomy.Create("TOO_MANY_REQUESTS", null, new TaxonomyExceptionOptions(retryAfter: TimeSpan.FromSeconds(3)))!));
                },
                services => services.AddTaxonomyErrors(Taxonomy, options =>
                {
                    configure(options);
                    options.MapException = (exception, context) => exception is KeyNotFoundException
                        ? Taxonomy.Create("NOT_FOUND", new Dictionary<string, string> { ["resourceType"] = "connector", ["resourceName"] = "c-1" })
                        : null;
                }),
                protocols);

        private string Throw(string which) => which switch
        {
            "provisioning" => throw Taxonomy.Create(
                "USER_NOT_PROVISIONABLE", null, new TaxonomyExceptionOptions(developerMessage: "directory said: suspended (token=" + Secret + ")"))!,
            "throttled" => throw Taxonomy.Create("TOO_MANY_REQUESTS", null, new TaxonomyExceptionOptions(retryAfter: TimeSpan.FromSeconds(1.5)))!,
            "wrapped" => throw new AggregateException(new InvalidOperationException("outer"), Taxonomy.Create("PERMISSION_DENIED", null)!),
            "mapped" => throw new KeyNotFoundException("connector c-1"),
            _ => throw new InvalidOperationException("db password=" + Secret + " at https://admin:" + Secret + "@db.internal/x?key=" + Secret),
        };
    }
}
