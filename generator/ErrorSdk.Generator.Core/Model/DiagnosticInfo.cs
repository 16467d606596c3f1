namespace ErrorSdk.Generator.Model
{
    /// <summary>
    /// A position in the taxonomy file: path, character span and zero-based line/column span. Kept as plain
    /// values (no Roslyn Location) so the model stays equatable; the pipeline rebuilds a Location from it.
    /// </summary>
    internal sealed record SourceSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

    /// <summary>
    /// A diagnostic as plain values: Roslyn-free so the CLI shares the parser and validator unchanged.
    /// <see cref="Id"/> is one of <c>DiagnosticIds</c>; <see cref="MessageArgs"/> fill its message format.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, SourceSpan? Span, EquatableArray<string> MessageArgs);
}
