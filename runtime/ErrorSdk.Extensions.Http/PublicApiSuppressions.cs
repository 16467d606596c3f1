using System.Diagnostics.CodeAnalysis;

// Public API analyzer findings that are judged, not fixed (docs/public-api.md).
[assembly: SuppressMessage(
    "ApiDesign",
    "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:Microsoft.Extensions.DependencyInjection.TaxonomyHttpClientBuilderExtensions.AddTaxonomyErrors(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder,ErrorSdk.IErrorTaxonomy,System.Action{ErrorSdk.Http.TaxonomyHttpHandlerOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "The IHttpClientBuilder convention: with an explicit taxonomy or the registered one, each with an optional configure callback; the overloads were designed together, before any release.")]
[assembly: SuppressMessage(
    "ApiDesign",
    "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:Microsoft.Extensions.DependencyInjection.TaxonomyHttpClientBuilderExtensions.AddTaxonomyErrors(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder,System.Action{ErrorSdk.Http.TaxonomyHttpHandlerOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "The IHttpClientBuilder convention: with an explicit taxonomy or the registered one, each with an optional configure callback; the overloads were designed together, before any release.")]
