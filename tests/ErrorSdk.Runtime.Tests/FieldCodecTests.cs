using System;
using CsCheck;
using Xunit;

namespace ErrorSdk.Tests
{
    public class FieldCodecTests
    {
        [Theory]
        [InlineData(0, "0s")]
        [InlineData(15_000_000, "1.5s")]
        [InlineData(1, "0.0000001s")]
        [InlineData(-15_000_000, "-1.5s")]
        [InlineData(36_000_000_000, "3600s")]
        public void Durations_use_protobuf_json_text(long ticks, string text)
        {
            Assert.Equal(text, FieldCodec.FormatDuration(TimeSpan.FromTicks(ticks)));
            Assert.Equal(TimeSpan.FromTicks(ticks), FieldCodec.ParseDuration(text));
        }

        [Theory]
        [InlineData("")]
        [InlineData("s")]
        [InlineData("1.s")]
        [InlineData("1.0000000001s")]
        [InlineData("1,5s")]
        [InlineData("99999999999999999999s")]
        [InlineData("PT1S")]
        public void Bad_durations_read_as_null(string text)
        {
            Assert.Null(FieldCodec.ParseDuration(text));
        }

        [Fact]
        public void Every_timespan_survives_its_text_form()
        {
            Gen.Long.Sample(
                ticks =>
                {
                    var value = TimeSpan.FromTicks(ticks);
                    return FieldCodec.ParseDuration(FieldCodec.FormatDuration(value)) == value;
                },
                iter: 100,
                threads: 1);
        }

        [Fact]
        public void Every_int_survives_its_text_form()
        {
            Gen.Int.Sample(v => FieldCodec.ParseInt32(FieldCodec.FormatInt32(v)) == v, iter: 100, threads: 1);
        }

        [Fact]
        public void Uris_lose_userinfo_query_and_fragment()
        {
            var uri = new Uri("https://user:secret@api.example.com:8443/v1/items?token=abc#frag");
            Assert.Equal("https://api.example.com:8443/v1/items", FieldCodec.FormatUri(uri));
            Assert.Equal(new Uri("https://api.example.com:8443/v1/items"), FieldCodec.ParseUri(uri.ToString()));
            Assert.Null(FieldCodec.ParseUri("not a uri"));
            Assert.Null(FieldCodec.ParseUri("1http://x")); // no scheme, and a colon in a relative path's first segment
        }

        [Theory]
        [InlineData("relative/path?tok=1#f", "relative/path")]
        [InlineData("/abs/path?tok=1", "/abs/path")]
        [InlineData("//user:pw@host.example/x?q=1", "//host.example/x")]
        [InlineData("../up/one", "../up/one")]
        public void Relative_references_survive_their_text_form(string local, string sent)
        {
            var uri = new Uri(local, UriKind.Relative);
            Assert.Equal(sent, FieldCodec.FormatUri(uri));

            var parsed = FieldCodec.ParseUri(FieldCodec.FormatUri(uri));
            Assert.NotNull(parsed);
            Assert.False(parsed!.IsAbsoluteUri, sent + " was read as " + parsed);
            Assert.Equal(sent, parsed.OriginalString);
            Assert.Equal(Safety.UriSanitizer.Sanitize(uri), parsed);
        }

        [Theory]
        [InlineData("https://h.example/a", true)]
        [InlineData("urn:isbn:0451450523", true)]
        [InlineData("a+b.c-d:rest", true)]
        [InlineData("/a/b", false)]
        [InlineData("a/b:c", false)]
        public void Text_with_a_scheme_is_absolute_and_the_rest_is_relative(string text, bool absolute)
        {
            var parsed = FieldCodec.ParseUri(text);
            Assert.NotNull(parsed);
            Assert.Equal(absolute, parsed!.IsAbsoluteUri);
        }
    }
}
