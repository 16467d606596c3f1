namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Every runtime type the generated code names, fully qualified with <c>global::</c>, in one place (as System.Text.Json's
    /// emitter keeps its <c>…TypeRef</c> constants): a rename in the runtime is one edit here.
    /// </summary>
    internal static class RuntimeTypes
    {
        public const string TaxonomyException = "global::ErrorSdk.TaxonomyException";
        public const string TaxonomyExceptionInit = "global::ErrorSdk.TaxonomyExceptionInit";
        public const string TaxonomyExceptionOptions = "global::ErrorSdk.TaxonomyExceptionOptions";
        public const string UnclassifiedException = "global::ErrorSdk.UnclassifiedException";
        public const string IErrorTaxonomy = "global::ErrorSdk.IErrorTaxonomy";
        public const string KindInfo = "global::ErrorSdk.KindInfo";
        public const string FieldInfo = "global::ErrorSdk.FieldInfo";
        public const string FieldType = "global::ErrorSdk.FieldType";
        public const string FieldCodec = "global::ErrorSdk.FieldCodec";
        public const string UriSanitizer = "global::ErrorSdk.Safety.UriSanitizer";
        public const string RetryPolicy = "global::ErrorSdk.RetryPolicy";
        public const string ReceivedError = "global::ErrorSdk.ReceivedError";
        public const string WireLimits = "global::ErrorSdk.WireLimits";
    }
}
