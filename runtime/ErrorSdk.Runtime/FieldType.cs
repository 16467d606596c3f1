namespace ErrorSdk
{
    /// <summary>The type of a kind's typed field, as declared in the taxonomy.</summary>
    public enum FieldType
    {
        /// <summary>A string; metadata carries it as is.</summary>
        String = 0,

        /// <summary>A 32-bit integer; metadata carries it in invariant decimal.</summary>
        Int = 1,

        /// <summary>A boolean; metadata carries <c>true</c> or <c>false</c>.</summary>
        Bool = 2,

        /// <summary>A <see cref="System.TimeSpan"/>; metadata carries protobuf JSON duration text (<c>1.5s</c>).</summary>
        Duration = 3,

        /// <summary>An absolute URI, sanitized to scheme://host/path before any use.</summary>
        Uri = 4,
    }
}
