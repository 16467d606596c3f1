using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ErrorSdk.Cli.Tests.Interop;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Http.Tests.Infrastructure;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorSdk.Grpc.Tests.Interop
{
    /// <summary>
    /// A Grpc.AspNetCore server, registered as a service registers ErrorSdk.Grpc
    /// (<c>AddGrpc(o =&gt; o.Interceptors.Add&lt;TaxonomyServerInterceptor&gt;(taxonomy))</c>), whose unary methods
    /// <c>/errorsdk.interop.v1.Conformance/{REASON}</c> (empty messages, as the peers call them) throw the typed exception
    /// of each vector (<see cref="AspNetCoreErrorServer.ErrorOf"/>). Kestrel on 127.0.0.1, a free port, HTTP/2 cleartext.
    /// </summary>
    internal static class GrpcDotnetConformanceServer
    {
        public const string ServiceName = "errorsdk.interop.v1.Conformance";

        /// <summary>Empty request and response messages, carried as raw bytes.</summary>
        public static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

        public static Method<byte[], byte[]> MethodOf(string reason) => new Method<byte[], byte[]>(MethodType.Unary, ServiceName, reason, Bytes, Bytes);

        public static Task<KestrelHost> StartAsync(IReadOnlyList<Vector> vectors) => KestrelHost.StartAsync(
            app => app.MapGrpcService<ConformanceService>(),
            services =>
            {
                services.AddGrpc(o => o.Interceptors.Add<TaxonomyServerInterceptor>(Kinds.Taxonomy));
                services.AddSingleton<IServiceMethodProvider<ConformanceService>>(new ConformanceMethods(vectors));
            },
            HttpProtocols.Http2);

        /// <summary>The service type the methods are bound to; the methods come from <see cref="ConformanceMethods"/>.</summary>
        public sealed class ConformanceService
        {
        }

        private sealed class ConformanceMethods : IServiceMethodProvider<ConformanceService>
        {
            private readonly IReadOnlyList<Vector> _vectors;

            public ConformanceMethods(IReadOnlyList<Vector> vectors) => _vectors = vectors;

            public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ConformanceService> context)
            {
                foreach (var vector in _vectors)
                {
                    context.AddUnaryMethod(MethodOf(vector.Reason), Array.Empty<object>(), async (service, request, callContext) =>
                    {
                        await Task.Yield();
                        throw AspNetCoreErrorServer.ErrorOf(vector);
                    });
                }
            }
        }
    }
}
