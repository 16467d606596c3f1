using System.Diagnostics.CodeAnalysis;

// Public API analyzer findings that are judged, not fixed (docs/public-api.md).
[assembly: SuppressMessage(
    "ApiDesign",
    "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:ErrorSdk.Http.TaxonomyHttpHandler.#ctor(ErrorSdk.IErrorTaxonomy,ErrorSdk.Http.TaxonomyHttpHandlerOptions)",
    Justification = "DelegatingHandler's two constructor shapes (with and without an inner handler); the second parameters differ in type, so no call is ambiguous.")]
[assembly: SuppressMessage(
    "ApiDesign",
    "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:ErrorSdk.Http.TaxonomyHttpHandler.#ctor(ErrorSdk.IErrorTaxonomy,System.Net.Http.HttpMessageHandler,ErrorSdk.Http.TaxonomyHttpHandlerOptions)",
    Justification = "DelegatingHandler's two constructor shapes (with and without an inner handler); the second parameters differ in type, so no call is ambiguous.")]
