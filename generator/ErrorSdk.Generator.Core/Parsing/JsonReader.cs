using System;
using System.Globalization;
using System.Text;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>
    /// A strict RFC 8259 reader that keeps the position of every value and property name. Hand-written because an
    /// analyzer on netstandard2.0 cannot ship System.Text.Json. Decisions: comments and trailing commas are errors
    /// (the file is a cross-language contract, and strict readers in other languages reject them) but the reader
    /// recovers from them to report every one; duplicate keys are errors at every level (the first one is kept);
    /// nesting beyond <see cref="MaxDepth"/> is an error (recursion is bounded, so no stack overflow); any other
    /// syntax error stops the read with one diagnostic. It never throws, except OperationCanceledException.
    /// </summary>
    internal sealed partial class JsonReader
    {
        /// <summary>A taxonomy needs 5 levels; 64 leaves room and keeps recursion shallow.</summary>
        public const int MaxDepth = 64;

        private readonly SourceLocator _locator;
        private readonly string _text;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private int _pos;
        private int _steps;

        private JsonReader(SourceLocator locator, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            _locator = locator;
            _text = locator.Text;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Reads the single root value; null when the text is empty or has a fatal syntax error (then a diagnostic says why).</summary>
        public static JsonNode? Read(SourceLocator locator, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            var reader = new JsonReader(locator, diagnostics, cancellationToken);
            try
            {
                return reader.ReadDocument();
            }
            catch (SyntaxAbort)
            {
                return null;
            }
        }

        private JsonNode? ReadDocument()
        {
            _pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
            CheckEncoding();
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                _diagnostics.Report(DiagnosticIds.EmptyFile, _locator.Span(0, 0));
                return null;
            }

            var root = ReadValue(0);
            SkipWhitespace();
            if (_pos < _text.Length)
            {
                Fail("unexpected " + DescribeAt(_pos) + " after the root value; the file must hold exactly one JSON value");
            }

            return root;
        }

        /// <summary>
        /// RFC 8259 requires UTF-8. Bytes that are not valid UTF-8 reach us decoded as U+FFFD (the decoder's replacement
        /// character), so a raw U+FFFD anywhere in the text is reported as a fatal syntax error at the first one, before
        /// it can end up in a reason, a message or the generated code. The escape <c>\uFFFD</c> is six ASCII characters,
        /// so a deliberate replacement character written that way is accepted.
        /// </summary>
        private void CheckEncoding()
        {
            int replacement = _text.IndexOf('\uFFFD', _pos);
            if (replacement >= 0)
            {
                _pos = replacement;
                Fail("the file is not valid UTF-8 (or contains U+FFFD): re-save it as UTF-8 (write \\uFFFD for a deliberate replacement character)");
            }
        }

        private JsonNode ReadValue(int depth)
        {
            Tick();
            if (_pos >= _text.Length)
            {
                Fail("unexpected end of file; expected a value");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString();
                case '-':
                    return ReadNumber();
                default:
                    if (c >= '0' && c <= '9')
                    {
                        return ReadNumber();
                    }

                    if (IsWordChar(c))
                    {
                        return ReadLiteral();
                    }

                    Fail("unexpected " + DescribeAt(_pos) + "; expected a value (object, array, string in double quotes, number, true, false or null)");
                    return null!;
            }
        }

        private JsonObject ReadObject(int depth)
        {
            CheckDepth(depth);
            var obj = new JsonObject(_pos);
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                obj.Length = _pos - obj.Start;
                return obj;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    Fail("expected a property name in double quotes, found " + DescribeAt(_pos));
                }

                int nameStart = _pos;
                string name = ReadStringValue(out _);
                int nameLength = _pos - nameStart;
                SkipWhitespace();
                if (Peek() != ':')
                {
                    Fail("expected ':' after property name '" + Shorten(name) + "', found " + DescribeAt(_pos));
                }

                _pos++;
                SkipWhitespace();
                var value = ReadValue(depth);
                var first = obj.Add(new JsonProperty(name, nameStart, nameLength, value));
                if (first != null)
                {
                    string firstLine = (_locator.Position(first.NameStart).Line + 1).ToString(CultureInfo.InvariantCulture);
                    _diagnostics.Report(DiagnosticIds.JsonDuplicateKey, _locator.Span(nameStart, nameLength), Shorten(name), firstLine);
                }

                bool? more = ReadSeparator('}');
                if (more is null)
                {
                    Fail("expected ',' or '}' after the value of '" + Shorten(name) + "', found " + DescribeAt(_pos));
                }

                if (more != true)
                {
                    break;
                }
            }

            obj.Length = _pos - obj.Start;
            return obj;
        }

        private JsonArray ReadArray(int depth)
        {
            CheckDepth(depth);
            var array = new JsonArray(_pos);
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                array.Length = _pos - array.Start;
                return array;
            }

            while (true)
            {
                SkipWhitespace();
                array.Items.Add(ReadValue(depth));
                bool? more = ReadSeparator(']');
                if (more is null)
                {
                    Fail("expected ',' or ']' after an array item, found " + DescribeAt(_pos));
                }

                if (more != true)
                {
                    break;
                }
            }

            array.Length = _pos - array.Start;
            return array;
        }

        /// <summary>
        /// After a member or an item: true when ',' announces another, false at <paramref name="close"/> (a trailing
        /// comma before it is reported and ends the container too), null for anything else.
        /// </summary>
        private bool? ReadSeparator(char close)
        {
            SkipWhitespace();
            char next = Peek();
            if (next == close)
            {
                _pos++;
                return false;
            }

            if (next != ',')
            {
                return null;
            }

            int comma = _pos;
            _pos++;
            SkipWhitespace();
            if (Peek() != close)
            {
                return true;
            }

            _diagnostics.Report(DiagnosticIds.JsonTrailingComma, _locator.Span(comma, 1), close.ToString());
            _pos++;
            return false;
        }

        /// <summary>Skips JSON whitespace; a comment is reported (ESDK002) and skipped so every comment is listed.</summary>
        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    _pos++;
                    continue;
                }

                if (c == '/' && (PeekAt(_pos + 1) == '/' || PeekAt(_pos + 1) == '*'))
                {
                    SkipComment();
                    continue;
                }

                return;
            }
        }

        private void SkipComment()
        {
            int start = _pos;
            bool block = _text[_pos + 1] == '*';
            if (block)
            {
                int close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                _pos = close < 0 ? _text.Length : close + 2;
            }
            else
            {
                _pos += 2;
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }
            }

            _diagnostics.Report(DiagnosticIds.JsonComment, _locator.Span(start, _pos - start));
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                _diagnostics.Report(DiagnosticIds.JsonTooDeep, _locator.Span(_pos, 1), MaxDepth.ToString(CultureInfo.InvariantCulture));
                throw new SyntaxAbort();
            }
        }

        private void Tick()
        {
            if ((++_steps & 0x3FF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private void Fail(string detail)
        {
            _diagnostics.Report(DiagnosticIds.JsonSyntax, _locator.Span(_pos, _pos < _text.Length ? 1 : 0), detail);
            throw new SyntaxAbort();
        }

        private char Peek() => PeekAt(_pos);

        private char PeekAt(int index) => index < _text.Length ? _text[index] : '\0';

        private string DescribeAt(int index)
        {
            if (index >= _text.Length)
            {
                return "end of file";
            }

            char c = _text[index];
            return c > ' ' && c < 0x7F
                ? "'" + c + "'"
                : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        /// <summary>Keeps user text in messages short: a diagnostic about a huge key must not be huge.</summary>
        internal static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "...";

        /// <summary>Unwinds the reader after a fatal syntax error; never escapes <see cref="Read"/>.</summary>
        private sealed class SyntaxAbort : Exception
        {
        }
    }
}
