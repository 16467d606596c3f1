using System;
using System.Collections.Generic;
using System.Text;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// A StringBuilder that indents: the one way generated source is written. Lines always end with '\n' so the
    /// output is byte-identical on every OS.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";

        // Items per line of an array initializer: long tables stay readable and diffs stay small.
        private const int ArrayItemsPerLine = 16;

        private readonly StringBuilder _builder;
        private int _indent;

        public SourceWriter(int capacity = 4096)
        {
            _builder = new StringBuilder(capacity);
        }

        /// <summary>Writes one indented line (an empty <paramref name="line"/> writes a bare newline).</summary>
        public void WriteLine(string line)
        {
            if (line.Length > 0)
            {
                for (int i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        /// <summary>
        /// Writes a block of lines, each indented at the current level (like dotnet/runtime's
        /// <c>SourceWriter.WriteLine(ReadOnlySpan&lt;char&gt;)</c>), so a template reads like the code it emits. Every
        /// <c>\n</c> ends a line, so a block ending in one ends with an empty line; empty lines stay bare; a <c>\r</c>
        /// before a line break is dropped.
        /// </summary>
        public void WriteLines(string block)
        {
            int start = 0;
            while (start <= block.Length)
            {
                int end = block.IndexOf('\n', start);
                if (end < 0)
                {
                    end = block.Length;
                }

                int length = end > start && block[end - 1] == '\r' ? end - start - 1 : end - start;
                WriteLine(block.Substring(start, length));
                start = end + 1;
            }
        }

        /// <summary>
        /// Writes <c>private static readonly T[] name = new T[] { ... };</c> after a <c>//</c> comment, then an empty line:
        /// the lookup tables of the generated taxonomy class.
        /// </summary>
        public void WriteArrayField(string comment, string elementType, string name, IReadOnlyList<string> items)
        {
            WriteLine("// " + comment);
            if (items.Count == 0)
            {
                WriteLine("private static readonly " + elementType + "[] " + name + " = new " + elementType + "[0];");
                WriteLine();
                return;
            }

            WriteLine("private static readonly " + elementType + "[] " + name + " = new " + elementType + "[]");
            OpenBlock();
            for (int start = 0; start < items.Count; start += ArrayItemsPerLine)
            {
                var line = new List<string>(ArrayItemsPerLine);
                for (int i = start; i < Math.Min(items.Count, start + ArrayItemsPerLine); i++)
                {
                    line.Add(items[i]);
                }

                WriteLine(string.Join(", ", line) + ",");
            }

            CloseBlock(";");
            WriteLine();
        }

        /// <summary>Writes an empty line.</summary>
        public void WriteLine() => _builder.Append('\n');

        /// <summary>Writes <paramref name="line"/> (if any), then <c>{</c>, and indents.</summary>
        public void OpenBlock(string? line = null)
        {
            if (line is not null)
            {
                WriteLine(line);
            }

            WriteLine("{");
            _indent++;
        }

        /// <summary>Dedents and writes <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c>).</summary>
        public void CloseBlock(string suffix = "")
        {
            if (_indent == 0)
            {
                throw new InvalidOperationException("CloseBlock without a matching OpenBlock.");
            }

            _indent--;
            WriteLine("}" + suffix);
        }

        /// <summary>Indents the following lines by one level.</summary>
        public void Indent() => _indent++;

        /// <summary>Removes one level of indentation.</summary>
        public void Dedent()
        {
            if (_indent == 0)
            {
                throw new InvalidOperationException("Dedent below zero.");
            }

            _indent--;
        }

        /// <summary>Writes a <c>/// &lt;summary&gt;</c> doc comment with already-escaped XML text.</summary>
        public void WriteSummary(string xmlText) => WriteLine("/// <summary>" + xmlText + "</summary>");

        public override string ToString()
        {
            if (_indent != 0)
            {
                throw new InvalidOperationException("Unbalanced blocks: indentation is " + _indent + " at the end.");
            }

            return _builder.ToString();
        }
    }
}
