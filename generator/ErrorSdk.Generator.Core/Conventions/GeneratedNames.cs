namespace ErrorSdk.Generator.Conventions
{
    /// <summary>
    /// The names of the generated types, derived from the taxonomy's <c>name</c> and each kind's Pascal name. The
    /// validator claims them (collisions are diagnostics), the emitters print them and the CLI names proto enums after
    /// them: one spelling of each suffix and prefix.
    /// </summary>
    internal static class GeneratedNames
    {
        /// <summary>Suffix of a kind's exception class: <c>ToolRateLimit</c> → <c>ToolRateLimitException</c>.</summary>
        public const string ExceptionSuffix = "Exception";

        /// <summary>Prefix of a kind's marker interface: <c>ToolRateLimit</c> → <c>IToolRateLimit</c>.</summary>
        public const string InterfacePrefix = "I";

        /// <summary>Suffix of the taxonomy class: <c>ErrorSdk</c> → <c>ErrorSdkTaxonomy</c>.</summary>
        public const string TaxonomySuffix = "Taxonomy";

        /// <summary>Suffix of the reason enum: <c>ErrorSdk</c> → <c>ErrorSdkReason</c>.</summary>
        public const string ReasonSuffix = "Reason";

        /// <summary>Suffix of the class of KindInfo singletons: <c>ErrorSdk</c> → <c>ErrorSdkKinds</c>.</summary>
        public const string KindsSuffix = "Kinds";

        /// <summary>The exception class of a kind.</summary>
        public static string ExceptionClass(string pascalName) => pascalName + ExceptionSuffix;

        /// <summary>The marker interface of a kind.</summary>
        public static string Interface(string pascalName) => InterfacePrefix + pascalName;

        /// <summary>The taxonomy class.</summary>
        public static string TaxonomyClass(string taxonomyName) => taxonomyName + TaxonomySuffix;

        /// <summary>The reason enum.</summary>
        public static string ReasonEnum(string taxonomyName) => taxonomyName + ReasonSuffix;

        /// <summary>The class of KindInfo singletons.</summary>
        public static string KindsClass(string taxonomyName) => taxonomyName + KindsSuffix;
    }
}
