using System;
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
