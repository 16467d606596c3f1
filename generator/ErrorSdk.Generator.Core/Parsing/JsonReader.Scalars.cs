using System;
using System.Globalization;
using System.Text;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>The scalars of the reader: strings with their escapes, numbers and the literals true, false and null.</summary>
    internal sealed partial class JsonReader
    {
        private JsonString ReadString()
        {
            int start = _pos;
            string value = ReadStringValue(out bool hasEscapes);
            return new JsonString(value, hasEscapes, start, _pos - start);
        }

        /// <summary>Reads a string literal at the opening quote; copies only when it has escapes, so huge strings stay cheap.</summary>
        private string ReadStringValue(out bool hasEscapes)
        {
            int open = _pos;
            _pos++;
            int runStart = _pos;
            StringBuilder? builder = null;
            hasEscapes = false;
            while (true)
            {
                if ((_pos & 0xFFFF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                if (_pos >= _text.Length)
                {
                    _pos = open;
                    Fail("unterminated string; add the closing '\"'");
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    string value = builder == null
                        ? _text.Substring(runStart, _pos - runStart)
                        : builder.Append(_text, runStart, _pos - runStart).ToString();
                    _pos++;
                    return value;
                }

                if (c < ' ')
                {
                    Fail("control character " + DescribeAt(_pos) + " inside a string; a string cannot span lines: write \\n, \\t or \\u00XX");
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                hasEscapes = true;
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                builder.Append(ReadEscape());
                runStart = _pos;
            }
        }

        private char ReadEscape()
        {
            int escape = _pos;
            char e = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
            _pos += 2;
            switch (e)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    if (_pos + 4 <= _text.Length && IsHex(_text[_pos]) && IsHex(_text[_pos + 1]) && IsHex(_text[_pos + 2]) && IsHex(_text[_pos + 3]))
                    {
                        int code = int.Parse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                        _pos += 4;
                        return (char)code;
                    }

                    _pos = escape;
                    Fail("invalid \\u escape; write exactly four hex digits, e.g. \\u00e9");
                    return '\0';
                default:
                    _pos = escape;
                    Fail("invalid escape '\\" + (e == '\0' ? string.Empty : e.ToString()) + "'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
                    return '\0';
            }
        }

        private JsonNumber ReadNumber()
        {
            int start = _pos;
            bool isInteger = true;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                Fail("invalid number; expected a digit after '-'");
            }

            if (Peek() == '0' && IsDigit(PeekAt(_pos + 1)))
            {
                Fail("invalid number; leading zeros are not allowed");
            }

            SkipDigits();
            if (Peek() == '.')
            {
                isInteger = false;
                _pos++;
                if (!IsDigit(Peek()))
                {
                    Fail("invalid number; expected a digit after '.'");
                }

                SkipDigits();
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                isInteger = false;
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    Fail("invalid number; expected a digit in the exponent");
                }

                SkipDigits();
            }

            string text = _text.Substring(start, _pos - start);
            int? value = isInteger && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed)
                ? parsed
                : (int?)null;
            return new JsonNumber(text, isInteger, value, start, _pos - start);
        }

        private JsonLiteral ReadLiteral()
        {
            int start = _pos;
            while (_pos < _text.Length && IsWordChar(_text[_pos]) && _pos - start < 64)
            {
                _pos++;
            }

            string word = _text.Substring(start, _pos - start);
            switch (word)
            {
                case "true": return new JsonLiteral(JsonKind.True, start, 4);
                case "false": return new JsonLiteral(JsonKind.False, start, 5);
                case "null": return new JsonLiteral(JsonKind.Null, start, 4);
            }

            _pos = start;
            Fail("unexpected word '" + word + "'; strings need double quotes, and the only literals are true, false and null (lowercase)");
            return null!;
        }

        private void SkipDigits()
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static bool IsWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_';
    }
}
