using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>
    /// Turns character offsets of the taxonomy text into <see cref="SourceSpan"/>s. Lines and columns are zero-based
    /// like Roslyn's LinePosition, and lines break where Roslyn's SourceText breaks them (CRLF, CR, LF, U+0085,
    /// U+2028, U+2029). Offsets index the string as given; a leading BOM is not counted as a column.
    /// </summary>
    internal sealed class SourceLocator
    {
        private readonly int[] _lineStarts;
        private readonly int _bomLength;

        public SourceLocator(string path, string text)
        {
            Path = path;
            Text = text;
            _bomLength = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            _lineStarts = ComputeLineStarts(text);
        }

        public string Path { get; }

        public string Text { get; }

        public SourceSpan Span(int start, int length)
        {
            start = Math.Max(0, Math.Min(start, Text.Length));
            length = Math.Max(0, Math.Min(length, Text.Length - start));
            var (startLine, startColumn) = Position(start);
            var (endLine, endColumn) = Position(start + length);
            return new SourceSpan(Path, start, length, startLine, startColumn, endLine, endColumn);
        }

        /// <summary>
        /// The span of characters [index, index + length) of a string's decoded value, mapped back through its escapes
        /// to the exact characters of the JSON literal.
        /// </summary>
        public SourceSpan SpanInString(JsonString literal, int index, int length)
        {
            int start = SourceOffsetOf(literal, index);
            int end = length == 0 ? start : SourceOffsetOf(literal, index + length - 1) + RawLengthAt(SourceOffsetOf(literal, index + length - 1));
            return Span(start, end - start);
        }

        public (int Line, int Column) Position(int offset)
        {
            int line = Array.BinarySearch(_lineStarts, offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            int column = offset - _lineStarts[line] - (line == 0 ? _bomLength : 0);
            return (line, Math.Max(0, column));
        }

        private int SourceOffsetOf(JsonString literal, int index)
        {
            int raw = literal.Start + 1;
            if (!literal.HasEscapes)
            {
                return raw + index;
            }

            // Every escape decodes to exactly one UTF-16 unit, so walk the literal escape by escape.
            for (int i = 0; i < index && raw < Text.Length; i++)
            {
                raw += RawLengthAt(raw);
            }

            return raw;
        }

        private int RawLengthAt(int raw)
        {
            if (raw >= Text.Length || Text[raw] != '\\' || raw + 1 >= Text.Length)
            {
                return 1;
            }

            return Text[raw + 1] == 'u' ? 6 : 2;
        }

        private static int[] ComputeLineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                }
                else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    starts.Add(i + 1);
                }
            }

            return starts.ToArray();
        }
    }
}
