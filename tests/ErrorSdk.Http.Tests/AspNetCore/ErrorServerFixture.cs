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
    /// <summary>
    /// Kestrel servers whose endpoints throw, answered by ErrorSdk.AspNetCore: HTTP/1.1, HTTP/1.1 with developer messages,
    /// and HTTP/2 for gRPC; and both again for a taxonomy with no INTERNAL kind (the handler's code-only fallback).
    /// </summary>
    public sealed class ErrorServerFixture : IAsyncLifetime
    {
        public const string Secret = "hunter2";

        public KestrelHost Default { get; private set; } = null!;

        public KestrelHost WithDeveloperMessages { get; private set; } = null!;

        public KestrelHost Http2 { get; private set; } = null!;

        /// <summary>HTTP/1.1 with <see cref="TestTaxonomies.FallbackOnly"/>: no INTERNAL kind and no INTERNAL fallback.</summary>
        public KestrelHost NoInternalKind { get; private set; } = null!;

        /// <summary>HTTP/2 (gRPC) with <see cref="TestTaxonomies.FallbackOnly"/>.</summary>
        public KestrelHost NoInternalKindHttp2 { get; private set; } = null!;

        public IErrorTaxonomy Taxonomy => TestTaxonomies.Default;

        public async Task InitializeAsync()
        {
            Default = await Start(o => { }, HttpProtocols.Http1);
            WithDeveloperMessages = await Start(o => o.IncludeDeveloperMessage = true, HttpProtocols.Http1);
            Http2 = await Start(o => { }, HttpProtocols.Http2);
            NoInternalKind = await Start(o => { }, HttpProtocols.Http1, TestTaxonomies.FallbackOnly);
            NoInternalKindHttp2 = await Start(o => { }, HttpProtocols.Http2, TestTaxonomies.FallbackOnly);
        }

        public async Task DisposeAsync()
        {
            await Default.DisposeAsync();
            await WithDeveloperMessages.DisposeAsync();
            await Http2.DisposeAsync();
            await NoInternalKind.DisposeAsync();
            await NoInternalKindHttp2.DisposeAsync();
        }

        private Task<KestrelHost> Start(Action<TaxonomyErrorOptions> configure, HttpProtocols protocols, IErrorTaxonomy? taxonomy = null) =>
            KestrelHost.StartAsync(
                app =>
                {
                    app.UseExceptionHandler();
                    app.Map("/throw/{which}", (string which) => Throw(which));
                    app.Map("/result/throttled", () => TaxonomyResults.Error(
                        Taxonomy.Create("TOO_MANY_REQUESTS", null, new TaxonomyExceptionOptions(retryAfter: TimeSpan.FromSeconds(3)))!));
                },
                services => services.AddTaxonomyErrors(taxonomy ?? Taxonomy, options =>
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
            // A status with no ErrorInfo, thrown on as it is: the error has no reason and no domain.
            "unclassified" => throw new UnclassifiedException(new Google.Rpc.Status { Code = 13, Message = "x" }, "errorsdk.dev"),
            // A status of another domain, forwarded: its ErrorInfo travels on unchanged.
            "foreign" => throw new UnclassifiedException(ForeignStatus(), "errorsdk.dev"),
            _ => throw new InvalidOperationException("db password=" + Secret + " at https://admin:" + Secret + "@db.internal/x?key=" + Secret),
        };

        private static Google.Rpc.Status ForeignStatus()
        {
            var info = new Google.Rpc.ErrorInfo { Reason = "BAD_THING", Domain = "other.example" };
            info.Metadata["zone"] = "eu-1";
            var status = new Google.Rpc.Status { Code = 9, Message = "foreign precondition" };
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(info));
            return status;
        }
    }
}
